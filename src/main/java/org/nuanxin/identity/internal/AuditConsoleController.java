package org.nuanxin.identity.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.identity.AuditLogPermissions;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit log page of the console (administrators and auditors, each within their data scope): search by actor, action, record and
 * date range (Asia/Shanghai days), newest first, paged; the filters live in the URL. It sits in
 * identity because reading the log is a question of roles, which the audit module does not know.
 */
@Controller
class AuditConsoleController {

    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog auditLog;
    private final AuditLogPermissions permissions;
    private final CityTime time;

    private final DataScopes scopes;

    AuditConsoleController(AuditLog auditLog, AuditLogPermissions permissions, CityTime time, DataScopes scopes) {
        this.scopes = scopes;
        this.auditLog = auditLog;
        this.permissions = permissions;
        this.time = time;
    }

    /** One line of the page: the entry and its time in the application's zone. */
    record Row(AuditEntry entry, String time) {}

    /**
     * The filters as they arrive in the query string; blank means "any", a malformed date or page is ignored.
     */
    record Filters(String actor, String action, String recordId, String from, String to, String page) {

        AuditQuery toQuery() {
            return new AuditQuery(actor, action, recordId, date(from), date(to));
        }

        /** @return whether a start date was given but could not be read (public: the page asks) */
        public boolean badFrom() {
            return from != null && !from.isBlank() && date(from) == null;
        }

        /** @return whether an end date was given but could not be read */
        public boolean badTo() {
            return to != null && !to.isBlank() && date(to) == null;
        }

        private static LocalDate date(String s) {
            try {
                return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    @GetMapping("/console/audit")
    String list(Filters filters, Model model) {
        permissions.check(AuditLogPermissions.Action.VIEW);
        model.addAttribute("filters", filters);
        Page<AuditEntry> page = auditLog.search(
                filters.toQuery(), scopes.current(), Paging.of(filters.page(), PAGE_SIZE, Sort.unsorted()));
        model.addAttribute("page", page);
        model.addAttribute(
                "rows",
                page.getContent().stream()
                        .map(e -> new Row(e, TIME.format(time.local(e.occurredAt()))))
                        .toList());
        return "identity/audit";
    }
}
