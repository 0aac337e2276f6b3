package dev.veracity.beam;

import dev.veracity.testing.ArchitectureContract;
import dev.veracity.testing.VeracityModule;
import java.util.EnumSet;
import java.util.Set;

/**
 * The architecture rules with the Beam engine's classes, which only this module's tests see; its class path holds
 * only what the engine may use (core and io), so those are the modules checked here (veracity-cli's test checks the
 * rest).
 */
class BeamArchitectureTest extends ArchitectureContract {
    @Override
    protected Set<VeracityModule> modules() {
        return EnumSet.of(VeracityModule.CORE, VeracityModule.IO, VeracityModule.TRANSFORM, VeracityModule.BEAM);
    }
}
