package org.tongxin.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the WeChat stub for every test class, so that all share one Quarkus boot. */
@QuarkusTestResource(value = WeChatStub.class, restrictToAnnotatedClass = false)
public final class WeChatStubbed {

    private WeChatStubbed() {}
}
