package org.tongxin.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * WeCom's group-robot webhook (企业微信群机器人), as a REST client: {@code POST <base>/cgi-bin/webhook/send?key=<key>}.
 * The base is {@code tongxin.wecom.webhook-base-url}; the answer is read as a tree, not bound to a
 * type, because WeCom adds fields at will and only {@code errcode} matters.
 */
@RegisterRestClient(configKey = "wecom")
@Path("/cgi-bin/webhook")
interface WeComWebhookApi {

    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode send(@QueryParam("key") String key, Map<String, Object> message);
}
