package org.tongxin.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The mini-program's WeChat credentials and where WeChat's API lives. */
@ConfigMapping(prefix = "tongxin.wechat")
public interface WeChatConfig {

    /** The mini-program's AppID (TONGXIN_WECHAT_APP_ID). Without it, only the dev login works. */
    Optional<String> appId();

    /** The mini-program's AppSecret (TONGXIN_WECHAT_SECRET). From the environment only. */
    Optional<String> secret();

    /** WeChat API host; tests point it at a stub (TONGXIN_WECHAT_API_BASE_URL). */
    @WithDefault("https://api.weixin.qq.com")
    String apiBaseUrl();

    /** Whether real WeChat credentials are configured. */
    default boolean configured() {
        return appId().filter(s -> !s.isBlank()).isPresent() && secret().filter(s -> !s.isBlank()).isPresent();
    }
}
