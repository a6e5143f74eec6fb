package org.tongxin.wechat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * WxJava (de)serialises its beans with Gson, by reflection, and ships no native-image metadata:
 * every bean we send or receive is registered here so the native executable can build them.
 */
@RegisterForReflection(targets = {
        cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult.class,
        cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo.class,
        cn.binarywang.wx.miniapp.bean.Watermark.class,
        cn.binarywang.wx.miniapp.bean.WxMaStableAccessTokenRequest.class,
        cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.class,
        cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.MsgData.class,
        me.chanjar.weixin.common.bean.WxAccessToken.class,
        me.chanjar.weixin.common.error.WxError.class,
}, ignoreNested = false)
final class WxJavaReflection {

    private WxJavaReflection() {}
}
