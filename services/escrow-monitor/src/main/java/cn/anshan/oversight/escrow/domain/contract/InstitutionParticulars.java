package cn.anshan.oversight.escrow.domain.contract;

import java.time.LocalDate;

/**
 * CON-02: the institution's particulars as the registry last published them (REG-05 licence, REG-06
 * legal registration). Any field may be unknown when its event has not arrived yet.
 */
public record InstitutionParticulars(
    String name,
    String mode,
    String licenceNo,
    LocalDate licenceValidTo,
    String registrationType,
    String creditCode,
    LocalDate registrationValidTo) {}
