package org.tongxin.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where WeCom (企业微信) group robots are posted to. */
@ConfigMapping(prefix = "tongxin.wecom")
public interface WeComConfig {

    /** WeCom API host; tests point it at a stub (TONGXIN_WECOM_WEBHOOK_BASE_URL). */
    @WithDefault("https://qyapi.weixin.qq.com")
    String webhookBaseUrl();

    /** The longest one post may take, connecting included (TONGXIN_WECOM_TIMEOUT). */
    @WithDefault("PT5S")
    Duration timeout();
}
