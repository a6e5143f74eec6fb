package org.tongxin.wechat;

/**
 * Who WeChat says logged in. Deliberately without the session_key: we never need it (phone
 * numbers come by code exchange), so it is dropped the moment WeChat answers.
 * {@link #toString()} is redacted so that the ids cannot slip into a log line.
 */
public record WxSession(String openid, String unionid) {

    @Override
    public String toString() {
        return "WxSession[redacted]";
    }
}
