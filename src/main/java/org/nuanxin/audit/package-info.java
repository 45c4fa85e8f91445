/**
 * The audit log: who changed or disclosed what, which record, when and from where, written in the
 * same transaction as the change. A leaf module: it depends on no other module (the actor comes
 * from Spring Security), so that every module may record into it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.nuanxin.audit;
