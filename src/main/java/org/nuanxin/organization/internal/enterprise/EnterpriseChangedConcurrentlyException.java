package org.nuanxin.organization.internal.enterprise;

/** Someone else saved the enterprise after the form was opened: the form shows it again to be redone. */
class EnterpriseChangedConcurrentlyException extends RuntimeException {

    EnterpriseChangedConcurrentlyException(long id) {
        super("enterprise " + id + " changed concurrently");
    }
}
