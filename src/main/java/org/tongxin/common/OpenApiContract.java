package org.tongxin.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the generated OpenAPI document say what the service really answers (mp.openapi.filter):
 *
 * <ul>
 *   <li>Every refusal is an {@code application/problem+json} {@link Problem}, listed per operation
 *       and status with the exact {@code code} values it may carry. An operation's own refusals are
 *       declared with the error enums' {@code Refusals} annotations and arrive here as the
 *       {@code x-refusals} extension {@link OpenApiRefusals} wrote at build time; what every
 *       operation may answer is added here: 400 {@code VALIDATION_FAILED} (path and
 *       query parameters), for a JSON body also {@code MALFORMED_JSON}, {@code UNKNOWN_FIELD}, 413 and
 *       415, 401 {@code UNAUTHORIZED} where a token is required, and 503 {@code SERVICE_UNAVAILABLE}
 *       (PostgreSQL or Redis unreachable: try again after {@code Retry-After}).</li>
 *   <li>In the records the service answers with, every property is required (always present),
 *       except those declared {@code @Schema(nullable = true)}, which may be null or absent.</li>
 *   <li>In request bodies, an optional property may also be sent as {@code null}.</li>
 *   <li>What the service refuses the document refuses too ({@link OpenApiStrictness}).</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {

    static final String REFUSALS = "x-refusals";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getComponents().addSchema("Problem", problemSchema());
        Set<String> answered = new TreeSet<>();
        Set<String> received = new TreeSet<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            if (path.startsWith("/api/")) {
                document(op);
            }
            op.getResponses().getAPIResponses().forEach((status, r) -> {
                if (status.startsWith("2") && r.getContent() != null) {
                    r.getContent().getMediaTypes().values().forEach(m -> collect(api, m.getSchema(), answered));
                }
            });
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> collect(api, m.getSchema(), received));
            }
        }));
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        answered.forEach(name -> requireAllButNullable(schemas.get(name)));
        received.forEach(name -> allowNullWhereOptional(schemas.get(name)));
        schemas.values().forEach(schema -> inlineNullableReferences(schemas, schema));
        OpenApiStrictness.apply(api, received);
    }

    /**
     * A nullable property that refers to a component ({@code UUID}, an enum, a record) is written out in
     * full: OpenAPI 3.0 has no way to add {@code nullable} to a {@code $ref}, and the
     * {@code allOf} wrapper used instead is ignored by common validators.
     */
    private static void inlineNullableReferences(Map<String, Schema> components, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> props = new LinkedHashMap<>(schema.getProperties());
        props.replaceAll((name, p) -> {
            if (p.getAnyOf() == null || !isNullable(p)) {
                return p;
            }
            Schema target = p.getAnyOf().stream().filter(s -> s.getRef() != null)
                    .map(s -> components.get(s.getRef().substring(SCHEMAS.length()))).findFirst().orElse(null);
            if (target == null) {
                return p;
            }
            Schema inline = OASFactory.createSchema().type(new ArrayList<>(target.getType())).format(target.getFormat())
                    .pattern(target.getPattern()).description(target.getDescription());
            if (target.getProperties() != null) {
                inline.setProperties(new LinkedHashMap<>(target.getProperties()));
                inline.setRequired(target.getRequired() != null ? new ArrayList<>(target.getRequired()) : null);
            }
            if (target.getEnumeration() != null) {
                inline.setEnumeration(new ArrayList<>(target.getEnumeration()));
                inline.addEnumeration(null);
            }
            return inline.addType(SchemaType.NULL);
        });
        schema.setProperties(props);
    }

    /** Replaces the generated error responses with the real ones, grouped by status. */
    private static void document(Operation op) {
        Map<String, Set<String>> byStatus = new TreeMap<>();
        add(byStatus, "400", "VALIDATION_FAILED");
        add(byStatus, "503", "SERVICE_UNAVAILABLE");
        if (op.getRequestBody() != null) {
            add(byStatus, "400", "MALFORMED_JSON", "UNKNOWN_FIELD");
            add(byStatus, "413", "PAYLOAD_TOO_LARGE");
            add(byStatus, "415", "UNSUPPORTED_MEDIA_TYPE");
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            add(byStatus, "401", "UNAUTHORIZED");
        }
        for (String declared : refusalsDeclared(op)) {
            for (String group : declared.split(";")) {
                String[] words = group.strip().split("\\s+");
                if (words.length < 2 || !words[0].matches("[45]\\d\\d")) {
                    throw new IllegalStateException("x-refusals must read \"409 CODE CODE; 403 CODE\": " + declared);
                }
                add(byStatus, words[0], List.of(words).subList(1, words.length).toArray(String[]::new));
            }
        }
        byStatus.forEach((status, codes) -> op.getResponses().addAPIResponse(status, refusal(status, codes)));
        APIResponse created = op.getResponses().getAPIResponse("201");
        if (created != null) {
            created.setDescription("Created; the Location header names the new resource");
        }
    }

    /** The operation's {@code x-refusals} ({@link OpenApiRefusals}), removed from the document once read. */
    private static List<String> refusalsDeclared(Operation op) {
        if (op.getExtensions() != null && op.getExtensions().get(REFUSALS) instanceof String declared) {
            op.removeExtension(REFUSALS);
            return List.of(declared);
        }
        return List.of();
    }

    private static void add(Map<String, Set<String>> byStatus, String status, String... codes) {
        byStatus.computeIfAbsent(status, s -> new TreeSet<>()).addAll(List.of(codes));
    }

    private static APIResponse refusal(String status, Set<String> codes) {
        Schema narrowed = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(new ArrayList<>(codes)));
        Schema schema = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(SCHEMAS + "Problem")).addAllOf(narrowed);
        APIResponse response = OASFactory.createAPIResponse().description(String.join(", ", codes))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(schema)));
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
        return response;
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text).required(List.of("field", "message"));
        Map<String, Schema> props = new LinkedHashMap<>();
        props.put("type", OASFactory.createSchema().addType(SchemaType.STRING).description("urn:tongxin:problem:<code>"));
        props.put("title", OASFactory.createSchema().addType(SchemaType.STRING)
                .description("for the person holding the phone (zh, or en per Accept-Language)"));
        props.put("status", OASFactory.createSchema().addType(SchemaType.INTEGER));
        props.put("detail", text);
        props.put("code", OASFactory.createSchema().addType(SchemaType.STRING).description("stable UPPER_SNAKE code: branch on this"));
        props.put("violations", OASFactory.createSchema().addType(SchemaType.ARRAY).items(violation)
                .description("the fields at fault, on validation errors"));
        props.put("instance", OASFactory.createSchema().addType(SchemaType.STRING)
                .description("urn:tongxin:incident:<id> on 5xx: the reference to quote when reporting it"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("RFC 9457 problem details")
                .properties(props).required(List.of("type", "title", "status", "detail", "code"));
    }

    /** Adds the component schemas {@code schema} refers to, directly or through properties, items and combinators. */
    private static void collect(OpenAPI api, Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                collect(api, api.getComponents().getSchemas().get(name), names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(api, p, names));
        }
        collect(api, schema.getItems(), names);
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> collect(api, s, names));
            }
        }
    }

    private static void requireAllButNullable(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.getProperties().forEach((name, p) -> {
            if (!isNullable(p)) {
                required.add(name);
            }
        });
        schema.setRequired(required);
    }

    private static void allowNullWhereOptional(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Set<String> required = schema.getRequired() != null ? new HashSet<>(schema.getRequired()) : Set.of();
        Map<String, Schema> props = new LinkedHashMap<>(schema.getProperties());
        props.replaceAll((name, p) -> required.contains(name) || isNullable(p) ? p : nullable(p));
        schema.setProperties(props);
    }

    private static boolean isNullable(Schema p) {
        return (p.getType() != null && p.getType().contains(SchemaType.NULL))
                || (p.getAnyOf() != null && p.getAnyOf().stream().anyMatch(s -> s.getType() != null && s.getType().contains(SchemaType.NULL)));
    }

    private static Schema nullable(Schema p) {
        if (p.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(p.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (p.getType() != null) {
            p.addType(SchemaType.NULL);
        }
        return p;
    }
}
