package cn.anshan.oversight.registry.domain;

/**
 * REG-08: the start-up capital an applicant declares, in yuan, with a reference to what proves it
 * (a capital verification report, 验资报告, or a bank statement) for the approving regulator to see.
 */
public record StartUpCapital(long yuan, String evidenceReference) {}
