package org.nuanxin.membership.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.Masks;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public verification page says about a scanned card, decided at scan time: valid only while the token is
 * not revoked, the holder is a member now, and still of the union the card was issued for. A transferred-out,
 * withdrawn or reissued card is never valid, and says which.
 */
@Service
public class CardVerification {

    /** The verdict. */
    public enum Verdict {
        VALID,
        TRANSFERRED,
        WITHDRAWN,
        REISSUED,
        UNKNOWN
    }

    /**
     * What the page shows.
     *
     * @param verdict    the verdict
     * @param maskedName the holder's name masked ({@code 张*}), null when unknown or erased
     * @param union      the union the card was issued for, null when unknown
     */
    public record Result(
            Verdict verdict,
            @Nullable String maskedName,
            @Nullable String union) {

        /** @return the message key of the verdict */
        public String messageKey() {
            return "membership.verify." + verdict.name();
        }
    }

    private final MemberRepository repository;
    private final CardTokens cards;
    private final Organizations organizations;

    CardVerification(MemberRepository repository, CardTokens cards, Organizations organizations) {
        this.repository = repository;
        this.cards = cards;
        this.organizations = organizations;
    }

    /** @param text the token as the QR code's URL carries it; anything else gives UNKNOWN */
    @Transactional(readOnly = true)
    public Result verify(String text) {
        Optional<MemberRepository.Card> card = cards.verify(text).flatMap(repository::findCard);
        if (card.isEmpty()) {
            return new Result(Verdict.UNKNOWN, null, null);
        }
        MemberRepository.Card c = card.get();
        Member m = repository.find(c.memberId()).orElse(null);
        String union =
                organizations.find(c.organizationId()).map(Organization::name).orElse(null);
        String name = m == null || m.name() == null ? null : Masks.name(m.name());
        Verdict verdict;
        if (c.revokeReason() != null) {
            verdict = Verdict.valueOf(c.revokeReason());
        } else if (m == null || !m.state().isMember()) {
            verdict = Verdict.WITHDRAWN;
        } else if (m.organizationId() != c.organizationId()) {
            verdict = Verdict.TRANSFERRED;
        } else {
            verdict = Verdict.VALID;
        }
        return new Result(verdict, name, union);
    }
}
