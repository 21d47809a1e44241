using Noress.App.Audit;

namespace Noress.Tests.Audit;

public sealed class AuditServiceParsingTests
{
    [Fact]
    public void ParseChanges_InterceptorJson_ListsFieldsWithOldAndNew()
    {
        var changes = AuditService.ParseChanges("{\"NameFr\":{\"old\":\"Ancien\",\"new\":\"Nouveau\"},\"City\":{\"old\":null,\"new\":\"Tétouan\"}}");

        Assert.Equal([new AuditFieldChange("NameFr", "Ancien", "Nouveau"), new AuditFieldChange("City", null, "Tétouan")], changes);
    }

    [Fact]
    public void ParseChanges_NotJson_ShowsTheRawText()
    {
        var changes = AuditService.ParseChanges("tampered");

        Assert.Equal([new AuditFieldChange("?", null, "tampered")], changes);
    }
}
