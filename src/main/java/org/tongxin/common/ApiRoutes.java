package org.tongxin.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes of {@code /api} and the methods each answers, read once from the service's own OpenAPI
 * document (which a test holds equal to the code): what a 405 names in its {@code Allow} header and
 * what {@code OPTIONS} answers (RFC 9110 § 10.2.1, § 9.3.7), and the template a request to it is
 * counted under. GET implies HEAD; every route answers OPTIONS.
 */
@ApplicationScoped
public class ApiRoutes {

    /** The name Quarkus gives the one OpenAPI document a service has. */
    private static final String DEFAULT_DOCUMENT = "<default>";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** A route: its template as the document writes it, and the methods it answers. */
    public record Route(String template, List<String> methods) {

        /** The value of an {@code Allow} header for the route. */
        public String allow() {
            return String.join(", ", methods);
        }
    }

    private record Compiled(Pattern path, Route route) {}

    private final OpenApiDocumentService documents;
    private final ObjectMapper json;
    private volatile List<Compiled> routes;

    ApiRoutes(OpenApiDocumentService documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** The route a request path falls on; empty when none does. */
    public Optional<Route> at(String path) {
        return routes().stream().filter(c -> c.path().matcher(path).matches()).map(Compiled::route).findFirst();
    }

    private List<Compiled> routes() {
        List<Compiled> known = routes;
        if (known == null) {
            known = read();
            routes = known;
        }
        return known;
    }

    private List<Compiled> read() {
        JsonNode paths;
        try {
            paths = json.readTree(documents.getDocument(DEFAULT_DOCUMENT, Format.JSON)).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Compiled> out = new ArrayList<>();
        paths.properties().forEach(p -> {
            if (!p.getKey().startsWith("/api/")) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            out.add(new Compiled(compile(p.getKey()), new Route(p.getKey(), List.copyOf(methods))));
        });
        // A literal segment wins over a parameter (/api/orders/mine before /api/orders/{id}).
        out.sort((a, b) -> Long.compare(parameters(a.route().template()), parameters(b.route().template())));
        return List.copyOf(out);
    }

    private static long parameters(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
