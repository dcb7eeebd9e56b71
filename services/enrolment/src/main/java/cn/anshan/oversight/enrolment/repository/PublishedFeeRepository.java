package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PublishedFeeRepository implements PanacheRepositoryBase<PublishedFee, String> {}
