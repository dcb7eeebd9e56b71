package cn.anshan.oversight.enrolment;

import cn.anshan.oversight.testkit.EntityMappings;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.ValidatedSchema;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ValidatedSchema.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class EntityMappingTest extends EntityMappings {}
