package org.colonyos.colonies.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md (Modules) and its determinism rule, checked over the production
 * classes of every module (this module sees them all on its classpath).
 */
class LayeringTest {
    private static final String ROOT = "org.colonyos.colonies";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void protoDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(ROOT + ".proto..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".config..", ROOT + ".sm..", ROOT + ".http..", ROOT + ".sdk..",
                        ROOT + ".cfs..", ROOT + ".cli.."));
    }

    @Test
    void clusterConfigDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(ROOT + ".config..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".proto..", ROOT + ".sm..", ROOT + ".http..", ROOT + ".sdk..",
                        ROOT + ".cfs..", ROOT + ".cli.."));
    }

    @Test
    void theStateMachineNeverSeesHttp() {
        check(noClasses().that().resideInAPackage(ROOT + ".sm..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".http..", ROOT + ".sdk..", ROOT + ".cfs..", ROOT + ".cli..",
                        "io.netty.."));
    }

    @Test
    void clientsNeverImportServerInternals() {
        check(noClasses().that().resideInAnyPackage(ROOT + ".sdk..", ROOT + ".cfs..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sm..", ROOT + ".http..",
                        ROOT + ".config..", ROOT + ".proto.log..", "org.apache.ratis..", "org.mapdb..", "io.netty.."));
        check(noClasses().that().resideInAPackage(ROOT + ".cli..").and().resideOutsideOfPackage(ROOT + ".cli.server..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sm..", ROOT + ".http..",
                        ROOT + ".proto.log..", "org.apache.ratis..", "org.mapdb.."));
    }

    @Test
    void applySchedulerAndAuthorizationAreDeterministic() {
        String[] deterministic = {ROOT + ".sm.apply..", ROOT + ".sm.auth..", ROOT + ".sm.state..",
            ROOT + ".sm.scheduler.."};
        check(noClasses().that().resideInAnyPackage(deterministic).should()
                .callMethod(System.class, "currentTimeMillis").orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.nio.file..",
                        "java.net..")
                .orShould().dependOnClassesThat().areAssignableTo(java.util.HashMap.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.HashSet.class));
    }
}
