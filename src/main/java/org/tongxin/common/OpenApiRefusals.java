package org.tongxin.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Puts each operation's typed refusals into the OpenAPI document, at build time. Every feature's
 * error enum carries a nested {@code Refusals} annotation taking its own constants
 * ({@code @OrderError.Refusals({OrderError.OUT_OF_STOCK})}); a resource method lists with them what
 * it may refuse, so a renamed or removed code fails to compile. This filter finds those annotations
 * in the Jandex index, groups the codes by the status each constant answers with, and writes them
 * onto the operation of the resource method ({@code @Path} on its class) as {@code x-refusals} ({@code "404 WINDOW_NOT_FOUND; 409 OUT_OF_STOCK"}),
 * which {@link OpenApiContract} turns into problem+json responses. An annotated method that matches
 * no operation, or an {@code x-refusals} written by hand, stops the build.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiRefusals implements OASFilter {

    private static final DotName ERROR_CODE = DotName.createSimple(ErrorCode.class);
    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final IndexView index;
    private final String jaxrs;
    private final DotName path;

    public OpenApiRefusals(IndexView index) {
        this(index, "jakarta.ws.rs.");
    }

    /** With the JAX-RS annotations taken from {@code jaxrs} (a package, or a class and "$"): tests use look-alikes. */
    OpenApiRefusals(IndexView index, String jaxrs) {
        this.index = index;
        this.jaxrs = jaxrs;
        this.path = DotName.createSimple(jaxrs + "Path");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getExtensions() != null && op.getExtensions().containsKey(OpenApiContract.REFUSALS)) {
                throw new IllegalStateException("x-refusals is written from the error enums' Refusals annotations, not by hand: "
                        + op.getSummary());
            }
        }));
        Map<String, MethodInfo> methods = new LinkedHashMap<>();
        Map<String, Map<Integer, Set<String>>> declared = new LinkedHashMap<>();
        for (ClassInfo errors : index.getAllKnownImplementors(ERROR_CODE)) {
            DotName annotation = DotName.createComponentized(errors.name(), "Refusals", true);
            Class<?> constants = load(errors.name().toString());
            for (AnnotationInstance refusals : index.getAnnotations(annotation)) {
                MethodInfo method = refusals.target().asMethod();
                if (method.declaringClass().declaredAnnotation(path) == null) {
                    continue; // not a resource (a test's fixture)
                }
                String key = method.declaringClass().name() + "#" + method.name() + method.parameterTypes();
                methods.putIfAbsent(key, method);
                for (String code : refusals.value().asEnumArray()) {
                    int status = ((ErrorCode) enumConstant(constants, code)).status();
                    declared.computeIfAbsent(key, m -> new TreeMap<>()).computeIfAbsent(status, s -> new TreeSet<>()).add(code);
                }
            }
        }
        declared.forEach((key, byStatus) -> operationOf(api, methods.get(key)).addExtension(OpenApiContract.REFUSALS, written(byStatus)));
    }

    /** {@code "403 FORBIDDEN; 409 SHIFT_FULL SHIFT_OVERLAP"}: the form {@link OpenApiContract} reads. */
    private static String written(Map<Integer, Set<String>> byStatus) {
        List<String> groups = new ArrayList<>();
        byStatus.forEach((status, codes) -> groups.add(status + " " + String.join(" ", codes)));
        return String.join("; ", groups);
    }

    private Operation operationOf(OpenAPI api, MethodInfo method) {
        String path = join(pathOf(method.declaringClass().declaredAnnotation(this.path)), pathOf(method.annotation(this.path)));
        String verb = VERBS.stream().filter(v -> method.hasDeclaredAnnotation(DotName.createSimple(jaxrs + v)))
                .findFirst().orElse(null);
        PathItem item = api.getPaths().getPathItem(path);
        Operation op = item == null || verb == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
        if (op == null) {
            throw new IllegalStateException("refusals declared on " + method.declaringClass().name() + "." + method.name()
                    + ", which is no operation of the document (" + verb + " " + path + ")");
        }
        return op;
    }

    private static String pathOf(AnnotationInstance path) {
        return path == null ? "" : path.value().asString();
    }

    /** The JAX-RS path of a method: the class's and the method's, one slash between, templates without their regex. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, OpenApiRefusals.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("error enum " + name + " cannot be loaded", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
