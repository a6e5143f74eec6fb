package org.tongxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The house style's structural rules (docs/architecture.md), held by the build instead of by memory. */
@Tag("fast")
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
    void theConsoleHoldsNoSqlOfItsOwn() {
        noClasses().that().resideInAPackage("org.tongxin.console..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..", "org.hibernate..",
                        "io.agroal..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void recordsAtTheEdgeAreRegisteredForNativeReflection() {
        classes().that().haveSimpleNameEndingWith("Dtos").should()
                .beAnnotatedWith(io.quarkus.runtime.annotations.RegisterForReflection.class).check(MAIN);
    }

    /**
     * One Bean Validation constraint in a {@code @ConfigMapping} makes Quarkus build a second Hibernate
     * Validator, for the configuration alone, in every start (0.15-0.35 s of the main thread,
     * docs/performance.md); a range is checked by a {@code @WithConverter} instead (OrderConfig).
     */
    @Test
    void configurationIsCheckedWithoutBeanValidation() {
        noClasses().that().areAnnotatedWith(io.smallrye.config.ConfigMapping.class)
                .should().dependOnClassesThat().resideInAPackage("jakarta.validation..").check(MAIN);
    }

    /**
     * Hibernate ORM's Bean Validation listener is off ({@code quarkus.hibernate-orm.validation.enabled}):
     * a constraint on an entity would not be checked on a write. Constraints belong to the records at
     * the edge and to the services' parameters (docs/architecture.md).
     */
    @Test
    void entitiesCarryNoConstraints() {
        noClasses().that().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAPackage("jakarta.validation..").check(MAIN);
    }

    @Test
    void featuresFormAOneWayStack() {
        classes().that().resideInAPackage("org.tongxin..").should(callOnlyFeaturesBeneath()).check(MAIN);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("org.tongxin.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** Guards the rule above against a typo in STACK: the listed packages exist. */
    @Test
    void theStackNamesRealPackages() {
        var packages = MAIN.stream().map(c -> feature(c.getPackageName())).collect(Collectors.toSet());
        assertTrue(packages.containsAll(STACK),
                packages.toString());
    }

    /**
     * The stack, bottom first (docs/architecture.md). A feature may call only those beneath it; a package not
     * listed here is a top feature (like shift, order, care): it may call everything listed, and
     * nothing may call it, not even another top feature; only the console ({@link #CROWN}) calls top features.
     */
    static final List<String> STACK = List.of("common", "wechat", "auth", "privacy", "org", "notice", "volunteer");

    /** Above the top features: the staff console, which shows what they all hold and calls their services. */
    static final List<String> CROWN = List.of("console");

    static int tier(String feature) {
        if (CROWN.contains(feature)) {
            return STACK.size() + 1;
        }
        int i = STACK.indexOf(feature);
        return i >= 0 ? i : STACK.size();
    }

    /** The feature a package belongs to: the first segment under org.tongxin ("" for org.tongxin itself). */
    static String feature(String packageName) {
        String rest = packageName.equals("org.tongxin") ? "" : packageName.substring("org.tongxin.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> callOnlyFeaturesBeneath() {
        return new ArchCondition<>("call only features beneath their own in the stack " + STACK + " < top features") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                origin.getDirectDependenciesFromSelf().forEach(dep -> {
                    String pkg = dep.getTargetClass().getPackageName();
                    if (!pkg.startsWith("org.tongxin")) {
                        return;
                    }
                    String to = feature(pkg);
                    if (!to.equals(from) && tier(to) >= tier(from)) {
                        events.add(SimpleConditionEvent.violated(dep, from + " must not call " + to
                                + (tier(to) == tier(from) ? " beside it: " : " above it: ") + dep.getDescription()));
                    }
                });
            }
        };
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
