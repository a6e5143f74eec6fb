package org.tongxin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two tiers: the tests of pure logic and of the code's shape run without Quarkus, in seconds
 * ({@code mvn -B test -Dgroups=fast}); the {@code @QuarkusTest} suite runs against the real
 * PostgreSQL and Redis. Every test class is in exactly one of them: a class that boots no Quarkus
 * carries {@code @Tag("fast")}, and a {@code @QuarkusTest} does not.
 */
@Tag("fast")
class FastTierTest {

    @Test
    void everyTestClassIsInExactlyOneTier() {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.tongxin")) {
            boolean hasTests = c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Test.class));
            if (!hasTests || c.getEnclosingClass().isPresent()) {
                continue;
            }
            boolean quarkus = c.isAnnotatedWith(QuarkusTest.class) || c.isAnnotatedWith(QuarkusIntegrationTest.class)
                    || c.getSimpleName().endsWith("IT");
            boolean fast = c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals("fast")).orElse(false);
            if (quarkus == fast) {
                wrong.add(c.getSimpleName() + (quarkus ? " boots Quarkus but is tagged fast" : " needs @Tag(\"fast\")"));
            }
        }
        assertEquals(Set.of(), wrong);
    }
}
