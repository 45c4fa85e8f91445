package org.nuanxin.identity;

/**
 * The kinds of personal data Nuanxin keeps encrypted (Personal Information Protection Law art. 51: encryption
 * of personal information). Each kind has its own lookup-hash domain, so the hash of a phone number never
 * equals the hash of an identity number with the same digits.
 */
public enum PersonalDataKind {
    /** A resident identity number or permit number, normalised ({@link ResidentIdNumber#value()}). */
    RESIDENT_ID_NUMBER,
    /** A mobile number in E.164 form ({@code +8613800138000}, {@link PhoneNumbers}). */
    MOBILE
}
