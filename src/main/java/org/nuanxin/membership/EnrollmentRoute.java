package org.nuanxin.membership;

/** How a worker reaches their union. Stored by name in {@code member.route}. */
public enum EnrollmentRoute {
    /** 工作地入会: the township (or district) union where they work. */
    WORK_LOCATION,
    /** 输出地入会: the federation of their home county, which their identity number suggests. */
    ORIGIN_LOCATION;

    /** @return the message key, e.g. {@code membership.route.WORK_LOCATION} */
    public String messageKey() {
        return "membership.route." + name();
    }
}
