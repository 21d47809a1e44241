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
        Assert.Equal(DocumentRight.None, DocumentRights.Resolve(member, DocumentSpaceKind.Committee, Guid.NewGuid(), Guid.NewGuid(), []));
    }

    [Theory]
    [InlineData("in-committee", DocumentRight.Edit)]
    [InlineData("other-committee", DocumentRight.None)]
    [InlineData("no-committee", DocumentRight.None)]
    [InlineData("secretariat", DocumentRight.Edit)]
    [InlineData("administrator", DocumentRight.Edit)]
    [InlineData("no-role", DocumentRight.None)]
    public void Default_CommitteeSpace_IsPrivateToItsPeopleAndTheStaff(string who, DocumentRight expected)
    {
        var committee = Guid.NewGuid();
        var subject = who switch
        {
            "in-committee" => new DocumentSubject(Guid.NewGuid(), new HashSet<string> { Roles.Member }, Guid.NewGuid(), new HashSet<Guid> { committee }),
            "other-committee" => new DocumentSubject(Guid.NewGuid(), new HashSet<string> { Roles.Member }, Guid.NewGuid(), new HashSet<Guid> { Guid.NewGuid() }),
            "no-committee" => Person(Guid.NewGuid(), Roles.Member),
            "secretariat" => Person(Guid.NewGuid(), Roles.Member, Roles.Secretariat),
            "administrator" => Person(null, Roles.Administrator),
            _ => new DocumentSubject(Guid.NewGuid(), new HashSet<string>(), null, new HashSet<Guid> { Guid.NewGuid() }),
        };

        Assert.Equal(expected, DocumentRights.Default(subject, DocumentSpaceKind.Committee, committee));
        Assert.Equal(expected, DocumentRights.Resolve(subject, DocumentSpaceKind.Committee, committee, Guid.NewGuid(), []));
    }

    [Fact]
    public void Resolve_CommitteeDocumentSharedWithTheNetwork_IsReadByEveryMemberOnly()
    {
        var committee = Guid.NewGuid();
        var documentId = Guid.NewGuid();
        var shared = new[] { DocumentRights.NetworkGrant(documentId) };
        var outsider = Person(Guid.NewGuid(), Roles.Member);
        var insider = new DocumentSubject(Guid.NewGuid(), new HashSet<string> { Roles.Member }, Guid.NewGuid(), new HashSet<Guid> { committee });

        Assert.Equal(DocumentRight.Read, DocumentRights.Resolve(outsider, DocumentSpaceKind.Committee, committee, documentId, shared));
        // The grant is for that document: the committee's other documents stay closed.
        Assert.Equal(DocumentRight.None, DocumentRights.Resolve(outsider, DocumentSpaceKind.Committee, committee, Guid.NewGuid(), shared));
        // It raises, never lowers: the committee's people keep editing.
        Assert.Equal(DocumentRight.Edit, DocumentRights.Resolve(insider, DocumentSpaceKind.Committee, committee, documentId, shared));
        Assert.Equal(DocumentRight.None, DocumentRights.Resolve(new DocumentSubject(Guid.Empty, new HashSet<string> { Roles.Member }, null, new HashSet<Guid>()), DocumentSpaceKind.Committee, committee, documentId, shared));
    }

    [Fact]
    public void IsSharedWithNetwork_ReadsTheMemberRoleGrantOfThatDocument()
    {
        var documentId = Guid.NewGuid();

        Assert.True(DocumentRights.IsSharedWithNetwork(documentId, [DocumentRights.NetworkGrant(documentId)]));
        Assert.True(DocumentRights.IsSharedWithNetwork(documentId, [new DocumentPermission { DocumentId = documentId, PrincipalKind = DocumentPrincipalKind.Role, Principal = Roles.Member, Right = DocumentRight.Comment }]));
        Assert.False(DocumentRights.IsSharedWithNetwork(documentId, [DocumentRights.NetworkGrant(Guid.NewGuid())]));
        Assert.False(DocumentRights.IsSharedWithNetwork(documentId, [new DocumentPermission { DocumentId = documentId, PrincipalKind = DocumentPrincipalKind.Role, Principal = Roles.Secretariat, Right = DocumentRight.Read }]));
        Assert.False(DocumentRights.IsSharedWithNetwork(documentId, [new DocumentPermission { DocumentId = documentId, PrincipalKind = DocumentPrincipalKind.User, Principal = Guid.NewGuid().ToString(), Right = DocumentRight.Edit }]));
        Assert.False(DocumentRights.IsSharedWithNetwork(documentId, []));
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
