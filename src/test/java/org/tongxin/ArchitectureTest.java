package org.tongxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The house style's structural rules (STYLE.md), held by the build instead of by memory. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tongxin");

    @Test
    void featuresReachOtherFeaturesOnlyThroughServicesNeverRepositoriesOrEntities() {
        classes().that().resideInAPackage("org.tongxin..")
                .should(notTouchAnotherFeaturesPersistence())
                .check(MAIN);
    }

    @Test
    void resourcesAreThinAndLeaveTransactionsToServices() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(Transactional.class).check(MAIN);
        noClasses().that().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(Transactional.class).check(MAIN);
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class).check(MAIN);
    }

    @Test
    void recordsAtTheEdgeAreRegisteredForNativeReflection() {
        classes().that().haveSimpleNameEndingWith("Dtos").should()
                .beAnnotatedWith(io.quarkus.runtime.annotations.RegisterForReflection.class).check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.tongxin.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.tongxin.auth..", "org.tongxin.org..", "org.tongxin.wechat..",
                        "org.tongxin.volunteer..", "org.tongxin.shift..")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> notTouchAnotherFeaturesPersistence() {
        return new ArchCondition<>("not use another feature's repositories or entities") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(dep -> {
                    JavaClass target = dep.getTargetClass();
                    boolean persistence = target.isAnnotatedWith(Entity.class)
                            || (target.isAssignableTo(PanacheRepositoryBase.class) && !target.isInterface());
                    if (persistence && target.getPackageName().startsWith("org.tongxin")
                            && !target.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dep, dep.getDescription()));
                    }
                });
            }
        };
    }
}
