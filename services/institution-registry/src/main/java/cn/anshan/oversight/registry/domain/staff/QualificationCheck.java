package cn.anshan.oversight.registry.domain.staff;

/**
 * What a regulator found when checking a staff member (issue 18 item 3): whether the declared
 * certificate exists, belongs to the person and matches the post (STF-01), whether the person is an
 * in-service teacher (STF-02), and a reference to what was checked (a register query, a letter from
 * the school).
 *
 * @param qualificationConfirmed null only for staff other than teaching staff who declared no
 *     certificate: there is nothing to confirm
 */
public record QualificationCheck(
    Boolean qualificationConfirmed, boolean inServiceTeacherFound, String evidenceReference) {}
