package dev.veracity.testing;

import java.util.EnumSet;
import java.util.Set;

/** The architecture rules on veracity-core alone: core's purity fails here first, before any other module builds. */
class CoreArchitectureTest extends ArchitectureContract {
    @Override
    protected Set<VeracityModule> modules() {
        return EnumSet.of(VeracityModule.CORE);
    }
}
