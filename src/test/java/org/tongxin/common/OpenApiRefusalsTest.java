package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Typed refusals reach the document grouped by each constant's status; what cannot be placed stops the build.
 * The fixture resources carry look-alikes of the JAX-RS annotations, so that the application under
 * the other tests does not serve them.
 */
@Tag("fast")
class OpenApiRefusalsTest {

    private static final String JAXRS = OpenApiRefusalsTest.class.getName() + "$";

    @Retention(RetentionPolicy.RUNTIME)
    @interface Path {
        String value();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface GET {}

    @Retention(RetentionPolicy.RUNTIME)
    @interface POST {}

    enum FixtureError implements ErrorCode {
        SOLD_OUT(409, "售罄", "Sold out"),
        GONE(404, "没有", "Gone"),
        LATE(409, "晚了", "Late");

        @Retention(RetentionPolicy.RUNTIME)
        @Target(ElementType.METHOD)
        @interface Refusals {
            FixtureError[] value();
        }

        private final Text text;

        FixtureError(int status, String zh, String en) {
            this.text = new Text(status, zh, en);
        }

        @Override
        public Text text() {
            return text;
        }
    }

    @Path("/api/things/")
    static class FixtureResource {
        @POST
        @Path("{id: [0-9a-f-]+}/buy")
        @FixtureError.Refusals({FixtureError.SOLD_OUT, FixtureError.GONE, FixtureError.LATE})
        @CommonError.Refusals(CommonError.FORBIDDEN)
        public void buy() {}

        @GET
        public void list() {}
    }

    @Path("/api/elsewhere")
    static class Unplaced {
        @GET
        @FixtureError.Refusals(FixtureError.GONE)
        public void get() {}
    }

    @Test
    void refusalsAreGroupedByTheStatusTheirConstantsAnswerWith() throws IOException {
        OpenAPI api = document();
        new OpenApiRefusals(Index.of(FixtureError.class, FixtureError.Refusals.class, CommonError.class,
                CommonError.Refusals.class, FixtureResource.class), JAXRS).filterOpenAPI(api);
        Operation buy = api.getPaths().getPathItem("/api/things/{id}/buy").getPOST();
        assertEquals("403 FORBIDDEN; 404 GONE; 409 LATE SOLD_OUT", buy.getExtensions().get(OpenApiContract.REFUSALS));
        assertNull(api.getPaths().getPathItem("/api/things").getGET().getExtensions(), "no refusals declared, none written");
    }

    @Test
    void refusalsOnAMethodThatIsNoOperationStopTheBuild() throws IOException {
        var filter = new OpenApiRefusals(Index.of(FixtureError.class, FixtureError.Refusals.class, Unplaced.class), JAXRS);
        var e = assertThrows(IllegalStateException.class, () -> filter.filterOpenAPI(document()));
        assertTrue(e.getMessage().contains("GET /api/elsewhere"), e.getMessage());
    }

    @Test
    void aHandWrittenRefusalExtensionStopsTheBuild() throws IOException {
        OpenAPI api = document();
        api.getPaths().getPathItem("/api/things").getGET().addExtension(OpenApiContract.REFUSALS, "409 SOLD_OUT");
        var filter = new OpenApiRefusals(Index.of(FixtureError.class, FixtureResource.class), JAXRS);
        assertThrows(IllegalStateException.class, () -> filter.filterOpenAPI(api));
    }

    @Test
    void pathsJoinAsJaxRsJoinsThem() {
        assertEquals("/api/things/{id}/buy", OpenApiRefusals.join("/api/things/", "{id: [0-9a-f-]+}/buy"));
        assertEquals("/api/things", OpenApiRefusals.join("api/things", ""));
        assertEquals("/", OpenApiRefusals.join("", ""));
    }

    private static OpenAPI document() {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things/{id}/buy", OASFactory.createPathItem().POST(OASFactory.createOperation()))
                .addPathItem("/api/things", OASFactory.createPathItem().GET(OASFactory.createOperation())));
    }
}
