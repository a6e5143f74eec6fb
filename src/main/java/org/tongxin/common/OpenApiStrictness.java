package org.tongxin.common;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says in the document what the service refuses, so that a client generated from it, or a
 * validator reading it, refuses the same requests instead of sending them:
 *
 * <ul>
 *   <li>request bodies refuse unknown fields ({@code UNKNOWN_FIELD}): {@code additionalProperties: false};</li>
 *   <li>patterns are matched whole (Bean Validation's {@code @Pattern}, our UUIDs): anchored as
 *       {@code ^(?:...)$}; the {@code \S} that stands for {@code @NotBlank} (text with something in
 *       it) stays a search and gains {@code minLength: 1};</li>
 *   <li>every date a request carries lies in the years 2000–2100 ({@link PlausibleDate}, which every
 *       request date carries): a pattern on the year;</li>
 *   <li>a body an operation takes optionally ({@code @Consumes(*&#47;*)}) is JSON like every other:
 *       anything else answers 415 before it is read ({@link EdgeFilters}).</li>
 * </ul>
 * Lengths are counted in UTF-16 code units, as {@code @Size} counts: the document's description says so.
 */
final class OpenApiStrictness {

    /** The years {@link PlausibleDate} accepts, 2000 to 2100, at the start of a date or date-time. */
    static final String PLAUSIBLE_YEAR = "^(20[0-9][0-9]|2100)-";
    private static final String NOT_BLANK = "\\S";

    private OpenApiStrictness() {}

    /** {@code received}: the component schemas request bodies use. */
    static void apply(OpenAPI api, Set<String> received) {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        api.getComponents().getSchemas().values().forEach(s -> anchor(s, seen));
        received.forEach(name -> {
            Schema body = api.getComponents().getSchemas().get(name);
            if (body != null && body.getProperties() != null) {
                body.setAdditionalPropertiesBoolean(Boolean.FALSE);
                body.getProperties().values().forEach(OpenApiStrictness::plausibleDate);
            }
        });
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> {
                    anchor(p.getSchema(), seen);
                    plausibleDate(p.getSchema());
                });
            }
            jsonBody(op);
        }));
    }

    /** Anchors the patterns of a schema and of everything inside it, each schema once. */
    private static void anchor(Schema s, Map<Schema, Boolean> seen) {
        if (s == null || seen.put(s, Boolean.TRUE) != null) {
            return;
        }
        String pattern = s.getPattern();
        if (NOT_BLANK.equals(pattern)) {
            s.setMinLength(s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength()));
        } else if (pattern != null && !pattern.startsWith("^")) {
            s.setPattern("^(?:" + pattern + ")$");
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> anchor(p, seen));
        }
        anchor(s.getItems(), seen);
        for (List<Schema> group : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (group != null) {
                group.forEach(g -> anchor(g, seen));
            }
        }
    }

    private static void plausibleDate(Schema s) {
        if (s == null) {
            return;
        }
        String ref = s.getRef();
        if (ref != null && (ref.endsWith("/LocalDate") || ref.endsWith("/OffsetDateTime"))) {
            // written out, so that the pattern holds for this request field and not for every answer's dates
            s.setRef(null);
            s.setType(List.of(Schema.SchemaType.STRING));
            s.setFormat(ref.endsWith("/LocalDate") ? "date" : "date-time");
        }
        if (("date".equals(s.getFormat()) || "date-time".equals(s.getFormat())) && s.getPattern() == null) {
            s.setPattern(PLAUSIBLE_YEAR);
        }
        if (s.getAnyOf() != null) {
            s.getAnyOf().forEach(OpenApiStrictness::plausibleDate);
        }
    }

    private static void jsonBody(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        Content content = op.getRequestBody().getContent();
        MediaType any = content.getMediaType("*/*");
        if (any != null) {
            content.removeMediaType("*/*");
            if (content.getMediaType("application/json") == null) {
                content.addMediaType("application/json", any);
            }
        }
    }
}
