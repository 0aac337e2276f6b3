package dev.veracity.beam;

import dev.veracity.testing.ArchitectureContract;
import dev.veracity.testing.VeracityModule;
import java.util.EnumSet;
import java.util.Set;

/** The architecture rules with the Beam engine's classes, which only this module's tests see. */
class BeamArchitectureTest extends ArchitectureContract {
    @Override
    protected Set<VeracityModule> modules() {
        return EnumSet.allOf(VeracityModule.class);
    }
}
