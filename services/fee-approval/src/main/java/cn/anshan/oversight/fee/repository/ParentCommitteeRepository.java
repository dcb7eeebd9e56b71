package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.ParentCommittee;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ParentCommitteeRepository implements PanacheRepositoryBase<ParentCommittee, String> {}
