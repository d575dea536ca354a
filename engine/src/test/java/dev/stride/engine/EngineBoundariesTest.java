package dev.stride.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine decides and records; stores, HTTP and sockets live in other modules behind its SPIs. */
class EngineBoundariesTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stride.engine");

    @Test
    void theEngineNeverTouchesJdbcHttpOrSockets() {
        noClasses().that().resideInAPackage("dev.stride.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..",
                        "com.sun.net.httpserver..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .check(engine);
    }

    @Test
    void theEngineDoesNotDependOnTheModulesBuiltOnIt() {
        noClasses().that().resideInAPackage("dev.stride.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stride.api..", "dev.stride.cli..",
                        "dev.stride.store..", "dev.stride.integrations..")
                .check(engine);
    }
}
