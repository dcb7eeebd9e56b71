package cn.anshan.oversight.escrow.domain.supervision;

/**
 * PRE-10 / LN-PRE-02: the custody agreement an institution filed and the one supervised account it
 * names, as the operator records them.
 */
public record CustodyAgreement(
    SupervisionMode mode,
    String bankId,
    String bankName,
    String accountNo,
    String agreementNo,
    String agreementFiledWith) {}
