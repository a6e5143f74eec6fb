package org.tongxin.support;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WeChat's API as WxJava sees it, served by WireMock on a random port: the real paths, the real
 * payloads and the real error codes. The {@code js_code} decides the answer:
 * {@code ok-*} logs in (openid {@code o-<code>}), {@code bad-*} → 40029, {@code used-*} → 40163,
 * {@code busy-*} → -1, {@code limit-*} → 45011. Phone codes: {@code phone-ok} → 13812345678,
 * {@code phone-bad} → 40029. Any other code → 40029, as the real service answers an invalid code.
 * WeCom's group robot webhook too: any key posts ({@code errcode 0}), {@code bad-*} → 93000
 * (invalid webhook url), {@code down-*} → HTTP 500, {@code slow-*} answers after 3 s. Subscribe messages are sent, except to the
 * openids of {@code ok-refuse-*} logins (43101).
 */
public class WeChatStub implements QuarkusTestResourceLifecycleManager {

    public static final String PHONE = "13812345678";
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
        server.start();
        json(post(urlPathEqualTo("/cgi-bin/stable_token")),
                "{\"access_token\":\"stub-access-token\",\"expires_in\":7200}");
        json(get(urlPathEqualTo("/cgi-bin/token")),
                "{\"access_token\":\"stub-access-token\",\"expires_in\":7200}");
        json(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("ok-.*")),
                "{\"openid\":\"o-{{request.query.js_code}}\",\"session_key\":\"sk-secret-{{request.query.js_code}}\","
                        + "\"unionid\":\"u-{{request.query.js_code}}\"}");
        // Any code the cases below do not name is, as on the real service, an invalid code.
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(10)
                .willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).atPriority(10)
                .willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
        wxError(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("bad-.*")), 40029, "invalid code");
        wxError(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("used-.*")), 40163, "code been used");
        wxError(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("busy-.*")), -1, "system error");
        wxError(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("limit-.*")), 45011,
                "api minute-quota reach limit  mustslower  retry next minute");
        json(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).withRequestBody(matchingJsonPath("$.code", equalTo("phone-ok"))),
                "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + PHONE + "\",\"purePhoneNumber\":\""
                        + PHONE + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1637744274,\"appid\":\"wx-test-app\"}}}");
        wxError(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).withRequestBody(matchingJsonPath("$.code", equalTo("phone-bad"))),
                40029, "invalid code");
        // WeCom group robots: any key posts, except bad-* (removed robot: 93000) and down-* (HTTP 500)...
        json(post(urlPathEqualTo("/cgi-bin/webhook/send")), "{\"errcode\":0,\"errmsg\":\"ok\"}");
        wxError(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", matching("bad-.*")), 93000,
                "invalid webhook url, hint: [1669700000_123_abcdef], from ip: 127.0.0.1");
        server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", matching("down-.*"))
                .willReturn(aResponse().withStatus(500).withBody("upstream error")));
        // ... slow-* keys post, but answer after the post's timeout (2 s in the tests) ...
        server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", matching("slow-.*"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(3_000)));
        // ... and busy-* keys answer WeCom's own minute limit, always.
        wxError(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", matching("busy-.*")), 45009,
                "api freq out of limit, hint: [1669700000_456_fedcba]");
        // Subscribe messages: sent, except to people who logged in with an ok-refuse-* code (43101).
        json(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")), "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}");
        wxError(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(matchingJsonPath("$.touser",
                matching("o-ok-refuse-.*"))), 43101, "user refuse to accept the msg rid: 6269e0e5-2e1a0b9c-4c1e1d3b");
        return Map.of("tongxin.wechat.api-base-url", server.baseUrl(), "tongxin.wecom.webhook-base-url", server.baseUrl());
    }

    private static void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        server.stubFor(request.willReturn(okJson(body)));
    }

    /** WeChat answers errors with HTTP 200 and an errcode in the body. */
    private static void wxError(com.github.tomakehurst.wiremock.client.MappingBuilder request, int code, String msg) {
        json(request, "{\"errcode\":" + code + ",\"errmsg\":\"" + msg + "\"}");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
