package org.tongxin.wechat;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.common.util.http.RequestHttp;
import me.chanjar.weixin.common.util.http.SimpleGetRequestExecutor;
import me.chanjar.weixin.common.util.http.SimplePostRequestExecutor;
import me.chanjar.weixin.common.util.http.apache.ApacheSimpleGetRequestExecutor;
import me.chanjar.weixin.common.util.http.apache.ApacheSimplePostRequestExecutor;

/**
 * Native image only (the JVM ignores these classes). WxJava's {@code SimpleGetRequestExecutor.create}
 * and {@code SimplePostRequestExecutor.create} switch over every HTTP transport WxJava supports,
 * including Apache HttpClient 5, which weixin-java-common declares {@code provided}; native-image
 * links at build time and failed with {@code NoClassDefFoundError: org/apache/hc/core5/http/HttpEntity}
 * and {@code ClassicHttpRequest}. This service only uses the Apache HttpClient 4 transport
 * ({@code WxMaServiceHttpClientImpl}, pooled by quarkus-apache-httpclient), so both factories are
 * replaced by the branch we use; adding HttpClient 5 would only carry a second, unused HTTP stack
 * into the image.
 */
final class WxJavaSubstitutions {

    private WxJavaSubstitutions() {}
}

/** Prevents "NoClassDefFoundError: org/apache/hc/core5/http/ClassicHttpRequest" (GET path of BaseWxMaServiceImpl). */
@TargetClass(SimpleGetRequestExecutor.class)
final class Target_SimpleGetRequestExecutor {

    @Substitute
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RequestExecutor<String, String> create(RequestHttp<?, ?> requestHttp) {
        return new ApacheSimpleGetRequestExecutor((RequestHttp) requestHttp);
    }
}

/** Prevents "NoClassDefFoundError: org/apache/hc/core5/http/HttpEntity" (POST path, e.g. getuserphonenumber). */
@TargetClass(SimplePostRequestExecutor.class)
final class Target_SimplePostRequestExecutor {

    @Substitute
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RequestExecutor<String, String> create(RequestHttp<?, ?> requestHttp) {
        return new ApacheSimplePostRequestExecutor((RequestHttp) requestHttp);
    }
}
