package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SqlErrors;
import org.tongxin.notice.NoticeDtos.CreateGroupChat;
import org.tongxin.notice.NoticeDtos.GroupChatView;
import org.tongxin.org.OrgService;

/**
 * Group chats' robots, registered by the staff of their community or grid. The webhook key is
 * sealed before it is stored and never leaves the service again: lists show its last characters.
 */
@ApplicationScoped
public class GroupChatService {

    private final GroupChatRepository chats;
    private final OrgService org;
    private final ScopeGuard scope;
    private final PiiCipher cipher;
    private final Clock clock;

    GroupChatService(GroupChatRepository chats, OrgService org, ScopeGuard scope, PiiCipher cipher, Clock clock) {
        this.chats = chats;
        this.org = org;
        this.scope = scope;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public GroupChatView register(Caller caller, @NotNull @Valid CreateGroupChat req) {
        OrgLocation where = req.gridId() != null ? org.locateGrid(req.gridId()) : org.locateCommunity(req.communityId());
        if (!req.communityId().equals(where.communityId())) {
            throw new ApiException(NoticeError.GRID_ELSEWHERE);
        }
        scope.require(caller, Role.GRID_WORKER, where);
        String name = req.name().strip();
        if (chats.nameTaken(req.communityId(), name)) {
            throw new ApiException(NoticeError.GROUP_CHAT_NAME_TAKEN);
        }
        GroupChat chat = new GroupChat(where, name, req.webhookKey(), hint(req.webhookKey()), caller.userId(), OffsetDateTime.now(clock), cipher);
        SqlErrors.insertUnique(NoticeError.GROUP_CHAT_NAME_TAKEN, () -> chats.persistAndFlush(chat));
        Log.infof("group chat registered id=%s community=%s grid=%s", chat.getId(), where.communityId(), where.gridId());
        return GroupChatView.from(chat);
    }

    /**
     * Replaces a robot's key (after the group's robot was removed and added again in WeCom, or the
     * key leaked). Deliveries not yet posted go out with the new key.
     */
    @Transactional
    public GroupChatView replaceKey(Caller caller, UUID chatId, @NotNull @Valid NoticeDtos.NewWebhookKey req) {
        GroupChat chat = chats.findByIdOptional(chatId).orElseThrow(() -> new ApiException(NoticeError.GROUP_CHAT_NOT_FOUND));
        scope.require(caller, Role.GRID_WORKER, chat.place());
        chat.replaceKey(req.webhookKey(), hint(req.webhookKey()), cipher);
        Log.infof("group chat key replaced id=%s", chatId);
        return GroupChatView.from(chat);
    }

    /**
     * The community's group chats the caller looks after (all of them for community staff and
     * above, a grid worker's grids' otherwise), filtered and paged in SQL; anyone else: 403.
     */
    public Page<GroupChatView> ofCommunity(Caller caller, UUID communityId, int page, int size) {
        ScopeGuard.Reach reach = scope.reachIn(caller, Role.GRID_WORKER, org.locateCommunity(communityId));
        if (reach.nowhere()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return Page.of(chats.ofCommunity(communityId, reach), page, size, GroupChatView::from);
    }

    /** The last four characters, enough to tell two robots apart, too few to post with. */
    static String hint(String key) {
        return "…" + key.substring(key.length() - 4);
    }
}
