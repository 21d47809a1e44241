using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Shared.Markdown;

namespace Noress.Tests.Documents;

public sealed class DocumentRulesTests
{
    private static DocumentSubject Person(Guid? institution, params string[] roles) =>
        new(Guid.NewGuid(), roles.ToHashSet(), institution, new HashSet<Guid>());

    [Fact]
    public void Resolve_Defaults_FollowTheSpace()
    {
        var institution = Guid.NewGuid();
        var member = Person(institution, Roles.Member);
        var secretariat = Person(Guid.NewGuid(), Roles.Member, Roles.Secretariat);

        Assert.Equal(DocumentRight.Comment, DocumentRights.Resolve(member, DocumentSpaceKind.Platform, null, Guid.NewGuid(), []));
        Assert.Equal(DocumentRight.Edit, DocumentRights.Resolve(secretariat, DocumentSpaceKind.Platform, null, Guid.NewGuid(), []));
        Assert.Equal(DocumentRight.Edit, DocumentRights.Resolve(member, DocumentSpaceKind.Institution, institution, Guid.NewGuid(), []));
        Assert.Equal(DocumentRight.None, DocumentRights.Resolve(secretariat, DocumentSpaceKind.Institution, institution, Guid.NewGuid(), []));
        Assert.Equal(DocumentRight.Read, DocumentRights.Resolve(member, DocumentSpaceKind.Committee, Guid.NewGuid(), Guid.NewGuid(), []));
    }

    [Fact]
    public void Resolve_UserGrantOnDocument_RaisesTheRight()
    {
        var member = Person(Guid.NewGuid(), Roles.Member);
        var documentId = Guid.NewGuid();
        var grant = new DocumentPermission { DocumentId = documentId, PrincipalKind = DocumentPrincipalKind.User, Principal = member.UserId.ToString(), Right = DocumentRight.Suggest };

        Assert.Equal(DocumentRight.Suggest, DocumentRights.Resolve(member, DocumentSpaceKind.Platform, null, documentId, [grant]));
        Assert.Equal(DocumentRight.Comment, DocumentRights.Resolve(member, DocumentSpaceKind.Platform, null, Guid.NewGuid(), [grant]));
    }

    [Fact]
    public void RenderPreview_StripsScriptsAndAddsDirAuto()
    {
        var html = SafeMarkdown.ToHtml("# Titre\n\nمرحبا <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](data:text/html,x)");

        // Raw HTML is shown as text (ADR 0009): judge the DOM, not the string.
        var container = Noress.Tests.Shared.Markdown.MarkdownDom.Parse(html);
        Assert.Empty(container.QuerySelectorAll("script, img, [onerror]"));
        Assert.All(container.QuerySelectorAll("a"), a => Assert.Null(a.GetAttribute("href")));
        Assert.Matches("<h1[^>]*dir=\"auto\"", html);
        Assert.Matches("<p[^>]*dir=\"auto\"", html);
    }

    [Fact]
    public void ParseMentions_FindsEmails()
    {
        Assert.Equal(["member@noress.demo"], DocumentCommentService.ParseMentions("Voir @member@noress.demo. Merci, a@b"));
    }
}
