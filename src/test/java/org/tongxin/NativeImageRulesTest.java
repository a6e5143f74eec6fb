package org.tongxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Quarkus initialises our classes while building the native image, so whatever their static
 * fields hold is frozen into the image heap: a {@code SecureRandom} there fails the build (and would
 * give every instance the same seed), a thread or socket cannot exist there. Such a class must be
 * listed for run-time initialisation in {@code quarkus.native.additional-build-args}. CI cannot run
 * the native compiler here, so this rule keeps the known failure from coming back.
 */
@Tag("fast")
class NativeImageRulesTest {

    /** What must never be created while the image is built. */
    private static final List<Class<?>> RUN_TIME_ONLY = List.of(Random.class, SplittableRandom.class, Thread.class,
            Socket.class, ServerSocket.class, Channel.class, ExecutorService.class);

    @Test
    void staticFieldsHoldNothingThatMustBeCreatedAtRunTimeUnlessTheClassIsInitialisedThen() throws IOException {
        Set<String> runTimeInit = runTimeInitialised();
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("org.tongxin..")
                .should(notHoldRunTimeOnlyObjects(runTimeInit))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tongxin"));
    }

    /** Class (or package) names given to {@code --initialize-at-run-time} in application.properties. */
    static Set<String> runTimeInitialised() throws IOException {
        Properties props = new Properties();
        try (InputStream in = NativeImageRulesTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        return Arrays.stream(props.getProperty("quarkus.native.additional-build-args", "").split(","))
                .map(String::strip)
                .filter(arg -> arg.startsWith("--initialize-at-run-time="))
                .flatMap(arg -> Arrays.stream(arg.substring("--initialize-at-run-time=".length()).split("\\\\,")))
                .collect(Collectors.toSet());
    }

    private static ArchCondition<JavaField> notHoldRunTimeOnlyObjects(Set<String> runTimeInit) {
        return new ArchCondition<>("hold no Random, Thread, socket or executor unless their class is initialised at run time") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean runTimeOnly = RUN_TIME_ONLY.stream().anyMatch(t -> field.getRawType().isAssignableTo(t));
                String owner = field.getOwner().getName();
                boolean listed = runTimeInit.stream().anyMatch(n -> owner.equals(n) || owner.startsWith(n + "."));
                if (runTimeOnly && !listed) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds a "
                            + field.getRawType().getSimpleName() + " but " + owner + " is initialised at build time: "
                            + "add --initialize-at-run-time=" + owner + " to quarkus.native.additional-build-args"));
                }
            }
        };
    }
}
