package org.nuanxin.organization.internal.enterprise;

import org.jspecify.annotations.Nullable;

/** A campaign as typed in the console: name, first day, deadline (yyyy-MM-dd) and notes. */
record CampaignInput(
        @Nullable String name,
        @Nullable String startsOn,
        @Nullable String deadline,
        @Nullable String notes) {}
