package org.nuanxin.membership;

/** Where a person's membership stands. Stored by name in {@code member.state}. */
public enum MembershipState {
    /** 待审核: applied, waiting for the receiving union's review. */
    APPLIED,
    /** 会员: a member in good standing. */
    ACTIVE,
    /** 会员, 转接中: a member who asked to move to another union; still a member of the current one. */
    TRANSFER_PENDING,
    /** 未通过: the application was rejected, with a reason. */
    REJECTED,
    /** 已退会: the member withdrew (or erased their data); a later application starts a new period. */
    WITHDRAWN;

    /** @return whether the person is a member now (their card can be valid) */
    public boolean isMember() {
        return this == ACTIVE || this == TRANSFER_PENDING;
    }

    /** @return whether a new application may replace this state (rejected or withdrawn) */
    public boolean mayApplyAgain() {
        return this == REJECTED || this == WITHDRAWN;
    }

    /** @return the message key of the state's name, e.g. {@code membership.state.ACTIVE} */
    public String messageKey() {
        return "membership.state." + name();
    }
}
