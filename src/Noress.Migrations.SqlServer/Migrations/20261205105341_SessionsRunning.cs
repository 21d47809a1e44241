using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionsRunning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CurrentAgendaItemId",
                table: "Sessions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FrozenAt",
                table: "Documents",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AttachedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AttachedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Elections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CommitteeRole = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SecretariatPosition = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Seats = table.Column<int>(type: "int", nullable: false),
                    Ballot = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AbsoluteRounds = table.Column<int>(type: "int", nullable: false),
                    Article = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Rounds = table.Column<int>(type: "int", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Elections_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Elections_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Elections_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FloorRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AllottedSeconds = table.Column<int>(type: "int", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SpeakingSessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FloorRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FloorRequests_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FloorRequests_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FloorRequests_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RulesArticles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    TitleFr = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleAr = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SessionMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FrenchDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ArabicDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CirculatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RemarksUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovalAgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApprovalVoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FrenchLabelId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ArabicLabelId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FrenchPdfSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ArabicPdfSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionMinutes_AgendaItems_ApprovalAgendaItemId",
                        column: x => x.ApprovalAgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SessionMinutes_Documents_ArabicDocumentId",
                        column: x => x.ArabicDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionMinutes_Documents_FrenchDocumentId",
                        column: x => x.FrenchDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionMinutes_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ElectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ElectedInRound = table.Column<int>(type: "int", nullable: true),
                    WithdrawnAfterRound = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ElectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Seats = table.Column<int>(type: "int", nullable: false),
                    Absolute = table.Column<bool>(type: "bit", nullable: false),
                    MembersAtOpening = table.Column<int>(type: "int", nullable: false),
                    PresentAtOpening = table.Column<int>(type: "int", nullable: false),
                    RepresentedAtOpening = table.Column<int>(type: "int", nullable: false),
                    QuorumRequiredAtOpening = table.Column<int>(type: "int", nullable: false),
                    QuorumReachedAtOpening = table.Column<bool>(type: "bit", nullable: false),
                    Participations = table.Column<int>(type: "int", nullable: false),
                    BallotsCast = table.Column<int>(type: "int", nullable: true),
                    Blank = table.Column<int>(type: "int", nullable: true),
                    ElectedCount = table.Column<int>(type: "int", nullable: true),
                    Tied = table.Column<bool>(type: "bit", nullable: false),
                    ClosedWithoutQuorum = table.Column<bool>(type: "bit", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpenedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionRounds_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretariatMandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ElectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretariatMandates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretariatMandates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretariatMandates_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RulesAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ArticleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BaseVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NewNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    NewTitleFr = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NewTitleAr = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TextFr = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    TextAr = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ProposedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposedByInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByVoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AdoptedVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulesAmendments_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RulesAmendments_RulesArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "RulesArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RulesAmendments_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RulesAmendments_Votes_DecidedByVoteId",
                        column: x => x.DecidedByVoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MinutesPdfs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesPdfs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesPdfs_SessionMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "SessionMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectionBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Choices = table.Column<string>(type: "nvarchar(740)", maxLength: 740, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionBallots", x => x.Id)
                        .Annotation("SqlServer:Clustered", false);
                    table.ForeignKey(
                        name: "FK_ElectionBallots_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectionParticipations",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionParticipations", x => new { x.RoundId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_ElectionParticipations_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElectionParticipations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionTallies",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Votes = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionTallies", x => new { x.RoundId, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_ElectionTallies_ElectionCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "ElectionCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionTallies_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenElectionChoices",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Choices = table.Column<string>(type: "nvarchar(740)", maxLength: 740, nullable: false),
                    CastById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CastAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenElectionChoices", x => new { x.RoundId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_OpenElectionChoices_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenElectionChoices_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RulesAmendmentParameters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesAmendmentParameters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulesAmendmentParameters_RulesAmendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "RulesAmendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RulesArticleVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TextFr = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    TextAr = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Repealed = table.Column<bool>(type: "bit", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AdoptedByVoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesArticleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulesArticleVersions_RulesAmendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "RulesAmendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RulesArticleVersions_RulesArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "RulesArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RulesArticleVersions_Votes_AdoptedByVoteId",
                        column: x => x.AdoptedByVoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ReminderRules",
                columns: new[] { "Id", "EscalateToSecretariat", "IsActive", "LocalTime", "OffsetDays", "SourceKind" },
                values: new object[,]
                {
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a09"), false, true, new TimeOnly(9, 0, 0), -3, "minutes.remarks" },
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0a"), false, true, new TimeOnly(9, 0, 0), -1, "minutes.remarks" }
                });

            migrationBuilder.InsertData(
                table: "RulesArticles",
                columns: new[] { "Id", "CreatedAt", "Number", "Position", "TitleAr", "TitleFr" },
                values: new object[,]
                {
                    { new Guid("7a1e0c00-0000-4000-8000-000000000001"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 1", 100, "الموضوع", "Objet" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000002"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 2", 200, "الأجهزة", "Organes" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000003"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 3", 300, "الأعضاء", "Membres" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000004"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 4", 400, "التمثيل", "Représentation" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000005"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 5", 500, "الكتابة الدائمة", "Secrétariat permanent" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000006"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 6", 600, "اللجان الموضوعاتية", "Comités thématiques" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000007"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 7", 700, "الدعوة", "Convocation" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000008"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 8", 800, "جدول الأعمال", "Ordre du jour" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000009"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 9", 900, "النصاب", "Quorum" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000010"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 10", 1000, "التوكيلات", "Procurations" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000011"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 11", 1100, "الأغلبية", "Majorité" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000012"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 12", 1200, "التصويت", "Vote" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000013"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 13", 1300, "الانتخابات", "Élections" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000014"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 14", 1400, "القرارات", "Décisions" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000015"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 15", 1500, "المحضر", "Procès-verbal" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000016"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 16", 1600, "اللغات", "Langues" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000017"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 17", 1700, "الانسحاب والتوقيف", "Retrait et suspension" },
                    { new Guid("7a1e0c00-0000-4000-8000-000000000018"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), "Art. 18", 1800, "تعديل النظام", "Modification du règlement" }
                });

            migrationBuilder.InsertData(
                table: "RulesArticleVersions",
                columns: new[] { "Id", "AdoptedByVoteId", "AmendmentId", "ArticleId", "CreatedAt", "EffectiveFrom", "Repealed", "TextAr", "TextFr" },
                values: new object[,]
                {
                    { new Guid("7a1e0c00-0000-4000-9000-000000000001"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000001"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يحدد هذا النظام كيفية اشتغال الشبكة الجهوية للاقتصاد الاجتماعي والتضامني المحدثة بموجب مذكرة التفاهم الموقعة من طرف المؤسسات الأعضاء.", "Le présent règlement précise le fonctionnement du réseau régional de l'économie sociale et solidaire, constitué par le mémorandum d'entente signé par ses institutions membres." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000002"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000002"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تتكون الشبكة من الجمع العام للمؤسسات الأعضاء، والكتابة الدائمة المنتخبة من طرف الجمع العام، وثلاث لجان موضوعاتية.", "Le réseau comprend l'assemblée plénière des institutions membres, le secrétariat permanent, élu en plénière, et trois comités thématiques." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000003"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000003"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "الأعضاء هم المؤسسات الموقعة على مذكرة التفاهم. لكل مؤسسة عضو في وضعية سليمة صوت واحد.", "Sont membres les institutions signataires du mémorandum d'entente. Chaque institution membre en règle dispose d'une voix." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000004"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000004"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تعين كل مؤسسة ممثلا رسميا ونائبا له. يصوت النائب في حالة غياب الممثل الرسمي.", "Chaque institution désigne un représentant titulaire et un suppléant. Le suppléant vote en l'absence du titulaire." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000005"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000005"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تعد الكتابة الدائمة الدورات وتدعو إليها، وتمسك سجلات الشبكة وتتابع تنفيذ القرارات.", "Le secrétariat permanent prépare et convoque les sessions, tient les registres du réseau et assure le suivi des décisions." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000006"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000006"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تضم كل لجنة موضوعاتية المؤسسات التي يعينها الجمع العام، وتنتخب رئيسها ومقررها.", "Chaque comité thématique réunit les institutions désignées par la plénière ; il élit son président et son rapporteur." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000007"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000007"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "ينعقد الجمع العام مرتين في السنة على الأقل بدعوة من الكتابة الدائمة توجه خمسة عشر يوما على الأقل قبل الدورة مرفقة بجدول الأعمال.", "La plénière se réunit au moins deux fois par an sur convocation du secrétariat permanent, adressée quinze jours au moins avant la session avec l'ordre du jour." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000008"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000008"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يحدد جدول الأعمال من طرف الكتابة الدائمة، ويحق لكل مؤسسة عضو أن تطلب إدراج نقطة فيه.", "L'ordre du jour est arrêté par le secrétariat permanent. Toute institution membre peut demander l'inscription d'un point." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000009"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000009"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يتداول الجمع العام بصفة صحيحة بحضور أو تمثيل نصف المؤسسات الأعضاء في وضعية سليمة على الأقل. وإذا لم يكتمل النصاب يدعى من جديد ويتداول بصفة صحيحة بحضور أو تمثيل الثلث على الأقل.", "La plénière délibère valablement lorsque la moitié au moins des institutions membres en règle sont présentes ou représentées. À défaut, elle est convoquée à nouveau et délibère valablement lorsque le tiers au moins sont présentes ou représentées." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000010"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000010"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يجوز للمؤسسة الغائبة أن توكل مؤسسة عضوا أخرى لدورة واحدة. ولا يجوز لمؤسسة أن تحمل أكثر من توكيل واحد.", "Une institution absente peut donner procuration à une autre institution membre pour une session. Une institution ne peut détenir qu'une procuration." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000011"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000011"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تتخذ القرارات بالأغلبية البسيطة للأصوات المعبر عنها. ولا تحتسب الامتناعات ضمن الأصوات المعبر عنها.", "Les décisions sont prises à la majorité simple des suffrages exprimés. Les abstentions ne sont pas comptées comme suffrages exprimés." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000012"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000012"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يتم التصويت برفع اليد، باستثناء انتخاب الأشخاص أو بطلب من ثلث المؤسسات الحاضرة.", "Le vote a lieu à main levée, sauf pour les élections de personnes ou à la demande d'un tiers des institutions présentes." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000013"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000013"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يتم انتخاب الأشخاص بالاقتراع السري، بالأغلبية المطلقة للأصوات المعبر عنها في الدورتين الأوليين وبالأغلبية النسبية في الدورة الموالية.", "Les élections de personnes ont lieu au scrutin secret, à la majorité absolue des suffrages exprimés aux deux premiers tours et à la majorité relative au tour suivant." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000014"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000014"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "ترقم القرارات المتخذة حسب السنة وتدون في سجل القرارات الذي تمسكه الكتابة الدائمة.", "Les décisions adoptées sont numérotées par année et inscrites au registre des décisions tenu par le secrétariat permanent." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000015"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000015"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تكون كل دورة موضوع محضر يوزع على المؤسسات الأعضاء ويصادق عليه في الدورة الموالية.", "Chaque session fait l'objet d'un procès-verbal, diffusé aux institutions membres et approuvé lors de la session suivante." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000016"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000016"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "تجرى أشغال الشبكة باللغتين العربية والفرنسية، وتحرر الوثائق المعتمدة باللغتين.", "Les travaux du réseau se tiennent en arabe et en français ; les documents adoptés sont établis dans les deux langues." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000017"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000017"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يجوز للمؤسسة الانسحاب من الشبكة برسالة إلى الكتابة الدائمة. ويجوز للجمع العام توقيف مؤسسة أخلت بالتزاماتها.", "Une institution peut se retirer du réseau par lettre au secrétariat permanent. La plénière peut suspendre une institution qui manque à ses engagements." },
                    { new Guid("7a1e0c00-0000-4000-9000-000000000018"), null, null, new Guid("7a1e0c00-0000-4000-8000-000000000018"), new DateTime(2015, 3, 18, 0, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2015, 3, 18), false, "يعدل هذا النظام من طرف الجمع العام بأغلبية ثلثي الأصوات المعبر عنها، باقتراح من مؤسسة عضو أو من الكتابة الدائمة.", "Le présent règlement est modifié par la plénière à la majorité des deux tiers des suffrages exprimés, sur proposition d'une institution membre ou du secrétariat permanent." }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_AgendaItemId_DocumentId",
                table: "AgendaDocuments",
                columns: new[] { "AgendaItemId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_DocumentId",
                table: "AgendaDocuments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_AgendaItemId",
                table: "Decisions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SessionId",
                table: "Decisions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_VoteId",
                table: "Decisions",
                column: "VoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Year_Sequence",
                table: "Decisions",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectionBallots_RoundId",
                table: "ElectionBallots",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_ElectionId",
                table: "ElectionCandidates",
                column: "ElectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_InstitutionId",
                table: "ElectionCandidates",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_PersonId",
                table: "ElectionCandidates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionParticipations_InstitutionId",
                table: "ElectionParticipations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionRounds_ElectionId_Number",
                table: "ElectionRounds",
                columns: new[] { "ElectionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Elections_AgendaItemId",
                table: "Elections",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Elections_CommitteeId",
                table: "Elections",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Elections_SessionId",
                table: "Elections",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionTallies_CandidateId",
                table: "ElectionTallies",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_AgendaItemId_OpenInstitutionId",
                table: "FloorRequests",
                columns: new[] { "AgendaItemId", "OpenInstitutionId" },
                unique: true,
                filter: "[OpenInstitutionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_AgendaItemId_Position",
                table: "FloorRequests",
                columns: new[] { "AgendaItemId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_InstitutionId",
                table: "FloorRequests",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_SessionId",
                table: "FloorRequests",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_FloorRequests_SpeakingSessionId",
                table: "FloorRequests",
                column: "SpeakingSessionId",
                unique: true,
                filter: "[SpeakingSessionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenElectionChoices_InstitutionId",
                table: "OpenElectionChoices",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendmentParameters_AmendmentId_Key",
                table: "RulesAmendmentParameters",
                columns: new[] { "AmendmentId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendments_AgendaItemId",
                table: "RulesAmendments",
                column: "AgendaItemId",
                unique: true,
                filter: "[AgendaItemId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendments_ArticleId",
                table: "RulesAmendments",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendments_DecidedByVoteId",
                table: "RulesAmendments",
                column: "DecidedByVoteId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendments_SessionId",
                table: "RulesAmendments",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAmendments_State",
                table: "RulesAmendments",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_RulesArticles_Number",
                table: "RulesArticles",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RulesArticleVersions_AdoptedByVoteId",
                table: "RulesArticleVersions",
                column: "AdoptedByVoteId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesArticleVersions_AmendmentId",
                table: "RulesArticleVersions",
                column: "AmendmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesArticleVersions_ArticleId_EffectiveFrom",
                table: "RulesArticleVersions",
                columns: new[] { "ArticleId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_ElectionId",
                table: "SecretariatMandates",
                column: "ElectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_Position_StartsOn",
                table: "SecretariatMandates",
                columns: new[] { "Position", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_UserId",
                table: "SecretariatMandates",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMinutes_ApprovalAgendaItemId",
                table: "SessionMinutes",
                column: "ApprovalAgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMinutes_ArabicDocumentId",
                table: "SessionMinutes",
                column: "ArabicDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMinutes_FrenchDocumentId",
                table: "SessionMinutes",
                column: "FrenchDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMinutes_SessionId",
                table: "SessionMinutes",
                column: "SessionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaDocuments");

            migrationBuilder.DropTable(
                name: "DecisionCounters");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "ElectionBallots");

            migrationBuilder.DropTable(
                name: "ElectionParticipations");

            migrationBuilder.DropTable(
                name: "ElectionTallies");

            migrationBuilder.DropTable(
                name: "FloorRequests");

            migrationBuilder.DropTable(
                name: "MinutesPdfs");

            migrationBuilder.DropTable(
                name: "OpenElectionChoices");

            migrationBuilder.DropTable(
                name: "RulesAmendmentParameters");

            migrationBuilder.DropTable(
                name: "RulesArticleVersions");

            migrationBuilder.DropTable(
                name: "SecretariatMandates");

            migrationBuilder.DropTable(
                name: "ElectionCandidates");

            migrationBuilder.DropTable(
                name: "SessionMinutes");

            migrationBuilder.DropTable(
                name: "ElectionRounds");

            migrationBuilder.DropTable(
                name: "RulesAmendments");

            migrationBuilder.DropTable(
                name: "Elections");

            migrationBuilder.DropTable(
                name: "RulesArticles");

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a09"));

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0a"));

            migrationBuilder.DropColumn(
                name: "CurrentAgendaItemId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "FrozenAt",
                table: "Documents");
        }
    }
}
