package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.testkit.OpenApiContract;
import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {
  @Test
  void servedDocumentMatchesTheCommittedContract() throws Exception {
    OpenApiContract.assertServedDocumentMatches("escrow-monitor");
  }
}
