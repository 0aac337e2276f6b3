package dev.veracity.cli;

import dev.veracity.testing.ArchitectureContract;
import dev.veracity.testing.VeracityModule;
import java.util.EnumSet;
import java.util.Set;

/** The architecture rules on every module but Beam: the CLI's tests see all of them on their class path. */
class ModuleArchitectureTest extends ArchitectureContract {
    @Override
    protected Set<VeracityModule> modules() {
        return EnumSet.complementOf(EnumSet.of(VeracityModule.BEAM));
    }
}
