package org.nuanxin.membership;

/** Where a membership record came from. Stored by name in {@code member.source}. */
public enum MembershipSource {
    /** The worker applied online (/m/join). */
    ONLINE,
    /** Staff imported it from a mass enrollment roster (集中入会活动). */
    IMPORT
}
