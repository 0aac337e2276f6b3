package dev.veracity.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked with ArchUnit on the main classes of the modules on the test
 * class path. A module's test class extends this one and names the modules it expects to see, so that a rule cannot
 * pass because the classes it constrains were never imported:
 * <pre>{@code
 * class ModuleArchitectureTest extends ArchitectureContract {
 *     @Override protected Set<VeracityModule> modules() { return EnumSet.complementOf(EnumSet.of(BEAM)); } }
 * }</pre>
 */
public abstract class ArchitectureContract {
    private static JavaClasses classes;

    /** {@return the modules whose classes this test's class path holds} */
    protected abstract Set<VeracityModule> modules();

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ArchitectureContract::isMainClass)
                .importPackages("dev.veracity");
    }

    /** Main classes only: test classes and test jars may use anything (files in core's tests, say). */
    private static boolean isMainClass(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }

    @Test
    void everyExpectedModuleWasImported() {
        for (VeracityModule module : modules()) {
            assertThat(classes.stream().anyMatch(resideInAnyPackage(module.packages())::test))
                    .as("classes of %s on the test class path", module)
                    .isTrue();
        }
    }

    @Test
    void coreUsesNoFileTerminalOrHtmlLibrary() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(VeracityModule.CORE.packages())
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "java.nio.file..",
                                "picocli..",
                                "org.jline..",
                                "org.fusesource.jansi..",
                                "org.jsoup..",
                                "j2html..",
                                "freemarker..",
                                "org.thymeleaf..",
                                "com.github.mustachejava..",
                                "org.apache.velocity..")
                        .or(resideInAPackage("java.io").and(simpleNameStartingWith("File")))
                        .or(resideInAPackage("java.io").and(simpleNameStartingWith("RandomAccessFile")))
                        .or(resideInAPackage("java.nio.channels").and(simpleNameStartingWith("FileChannel"))))
                .because("core opens no files and prints nothing: readers live in veracity-io, terminals in the CLI");
        rule.check(classes);
    }

    @Test
    void corePrintsNothing() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(VeracityModule.CORE.packages())
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("core returns values; only the CLI writes to the terminal");
        rule.check(classes);
    }

    @TestFactory
    Stream<DynamicTest> eachModuleDependsOnlyOnTheModulesBelowIt() {
        return modules().stream()
                .map(module -> DynamicTest.dynamicTest(module.name(), () -> {
                    String[] forbidden = Arrays.stream(VeracityModule.values())
                            .filter(other ->
                                    other != module && !module.mayDependOn().contains(other))
                            .flatMap(other -> Arrays.stream(other.packages()))
                            .toArray(String[]::new);
                    ArchRule rule = noClasses()
                            .that()
                            .resideInAnyPackage(module.packages())
                            .should()
                            .dependOnClassesThat(resideInAnyPackage(forbidden))
                            .because(
                                    module + " may depend only on " + module.mayDependOn() + " (docs/ARCHITECTURE.md)");
                    rule.check(classes);
                }));
    }

    @Test
    void nothingDependsOnTheCli() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("dev.veracity.cli..")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.veracity.cli.."))
                .because("the CLI is the top of the module graph: what a command needs belongs in a library module");
        rule.check(classes);
    }

    @TestFactory
    Stream<DynamicTest> modulesUseEachOtherOnlyThroughTheirPublicPackages() {
        return modules().stream()
                .map(module -> DynamicTest.dynamicTest(module.name(), () -> {
                    ArchRule rule = noClasses()
                            .that()
                            .resideOutsideOfPackages(module.packages())
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(module.internalPackages())
                            .allowEmptyShould(true)
                            .because(
                                    "a module's .internal packages are its own; other modules use its public packages");
                    rule.check(classes);
                }));
    }
}
