package org.tongxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hibernate builds a query's result type through its constructor, by reflection: a record passed
 * as {@code createQuery(jpql, Row.class)} or named in a JPQL constructor expression. The JVM finds
 * the constructor anyway; the native executable finds it only when the class is registered for
 * reflection, and otherwise answers every such query with "Cannot instantiate query result type"
 * (four records once failed every order and every robot post natively this way).
 *
 * <p>The rule, found from the compiled code so that it cannot miss one: in every class that creates
 * queries (calls {@code createQuery}, {@code createNativeQuery}, {@code createSelectionQuery},
 * {@code createNamedQuery}, a tuple or result transformer, or Panache's {@code project}), every
 * class literal of ours and every nested record must be registered (also a record built in Java from
 * {@code Object[]} rows: the rule stays simple and cannot miss one); so must every class named by a
 * JPQL constructor expression anywhere in the sources. Registered means: {@code @RegisterForReflection} on it
 * or on a class enclosing it (which covers nested classes), listed in some
 * {@code @RegisterForReflection(targets = ...)}, or an entity or embeddable (Hibernate registers
 * those). Enums and JDK types need nothing.
 */
@Tag("fast")
class QueryResultsRegisteredTest {

    private static final Set<String> QUERY_METHODS = Set.of("createQuery", "createNativeQuery", "createSelectionQuery",
            "createNamedQuery", "setTupleTransformer", "setResultTransformer", "project");
    private static final Pattern SELECT_NEW = Pattern.compile("(?i)select\\s+(?:distinct\\s+)?new\\s+([\\w.$]+)\\s*\\(");

    @Test
    void everyQueryResultTypeIsRegisteredForReflection() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongxin");
        Set<String> missing = unregistered(main);
        missing.addAll(unregisteredSelectNew(main, Path.of("src/main/java")));
        assertTrue(missing.isEmpty(), "query result types Hibernate builds by reflection, not registered for the "
                + "native image (add @RegisterForReflection): " + missing);
    }

    @Test
    void theRuleFindsAnUnregisteredRecordByItsClassLiteralAndAsANestedRecord() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UnregisteredRows.class, UnregisteredRows.Row.class,
                UnregisteredRows.Unused.class, RegisteredRows.class, RegisteredRows.Row.class);
        assertEquals(Set.of(UnregisteredRows.Row.class.getName(), UnregisteredRows.Unused.class.getName()),
                unregistered(fixture));
    }

    @Test
    void theRuleFindsAnUnregisteredClassNamedBySelectNew() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UnregisteredRows.class, UnregisteredRows.Row.class,
                RegisteredRows.class, RegisteredRows.Row.class);
        Set<String> missing = unregisteredSelectNew(fixture, Path.of("src/test/java/org/tongxin/QueryResultsRegisteredTest.java"));
        assertEquals(Set.of(UnregisteredRows.Row.class.getName()), missing);
    }

    /** Class literals and nested records of every query-creating class that are not registered. */
    static Set<String> unregistered(JavaClasses classes) {
        Set<String> missing = new TreeSet<>();
        for (JavaClass owner : classes) {
            if (!createsQueries(owner)) {
                continue;
            }
            owner.getCodeUnits().stream().flatMap(u -> u.getReferencedClassObjects().stream())
                    .map(ref -> ref.getRawType())
                    .filter(type -> needsRegistration(type) && !registered(type, classes))
                    .forEach(type -> missing.add(type.getName()));
            classes.stream().filter(c -> c.isRecord() && c.getEnclosingClass().map(owner::equals).orElse(false))
                    .filter(c -> !registered(c, classes))
                    .forEach(c -> missing.add(c.getName()));
        }
        return missing;
    }

    /** Classes named by {@code select new} in the given sources (a file or a tree) that are not registered. */
    static Set<String> unregisteredSelectNew(JavaClasses classes, Path sources) {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SELECT_NEW.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1);
                    JavaClass type = classes.stream().filter(c -> c.getName().equals(name)
                            || c.getName().replace('$', '.').equals(name)).findFirst().orElse(null);
                    if (type == null || !registered(type, classes)) {
                        missing.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }

    private static boolean createsQueries(JavaClass owner) {
        return owner.getCodeUnits().stream().map(JavaCodeUnit::getMethodCallsFromSelf).flatMap(Set::stream)
                .anyMatch(call -> QUERY_METHODS.contains(call.getName()) && persistenceApi(call.getTargetOwner()));
    }

    private static boolean persistenceApi(JavaClass type) {
        String name = type.getName();
        return name.startsWith("jakarta.persistence.") || name.startsWith("org.hibernate.")
                || name.startsWith("io.quarkus.hibernate.");
    }

    private static boolean needsRegistration(JavaClass type) {
        String name = type.getName();
        return !type.isPrimitive() && !type.isArray() && !type.isEnum() && !name.startsWith("java.")
                && !name.startsWith("jakarta.") && !name.startsWith("org.hibernate.") && !name.startsWith("io.quarkus.");
    }

    private static boolean registered(JavaClass type, JavaClasses classes) {
        if (type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class)) {
            return true;
        }
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            RegisterForReflection annotation = c.tryGetAnnotationOfType(RegisterForReflection.class).orElse(null);
            if (annotation != null && annotation.targets().length == 0 && annotation.classNames().length == 0
                    && (c == type || !annotation.ignoreNested())) {
                return true;
            }
        }
        return classes.stream().map(c -> c.tryGetAnnotationOfType(RegisterForReflection.class).orElse(null))
                .filter(a -> a != null)
                .anyMatch(a -> Stream.of(a.targets()).anyMatch(t -> t.getName().equals(type.getName()))
                        || List.of(a.classNames()).contains(type.getName()));
    }

    /** A repository whose rows the native image could not build. */
    static class UnregisteredRows {
        record Row(String title) {}

        record Unused(String title) {}

        List<Row> rows(EntityManager em) {
            return em.createQuery("select new org.tongxin.QueryResultsRegisteredTest$UnregisteredRows$Row(n.title) "
                    + "from Notice n", Row.class).getResultList();
        }
    }

    /** The same, registered. */
    static class RegisteredRows {
        @RegisterForReflection
        record Row(String title) {}

        List<Row> rows(EntityManager em) {
            return em.createQuery("select new org.tongxin.QueryResultsRegisteredTest$RegisteredRows$Row(n.title) "
                    + "from Notice n", Row.class).getResultList();
        }
    }
}
