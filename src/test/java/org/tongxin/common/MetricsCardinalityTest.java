package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The request metrics keep one series per route template and drop, without a word, every route
 * first hit after {@code quarkus.micrometer.binder.http-server.max-uri-tags} templates: the cap must
 * stay above the service's route templates (API and console) with room for the fixed tags and growth.
 */
@Tag("fast")
class MetricsCardinalityTest {

    private static final int HEADROOM = 50;

    @Test
    void theUriTagCapIsAboveEveryRouteTemplate() throws Exception {
        Set<String> templates = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongxin")) {
            String base = c.tryGetAnnotationOfType(Path.class).map(Path::value).orElse(null);
            if (base == null) {
                continue;
            }
            templates.add(base);
            for (JavaMethod m : c.getMethods()) {
                m.tryGetAnnotationOfType(Path.class).ifPresent(p -> templates.add(base + "/" + p.value()));
            }
        }
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        int cap = Integer.parseInt(config.getProperty("quarkus.micrometer.binder.http-server.max-uri-tags", "100"));
        assertTrue(templates.size() > 100, "the route templates were found: " + templates.size());
        assertTrue(templates.size() + HEADROOM <= cap, "max-uri-tags " + cap + " must exceed the " + templates.size()
                + " route templates by " + HEADROOM);
    }
}
