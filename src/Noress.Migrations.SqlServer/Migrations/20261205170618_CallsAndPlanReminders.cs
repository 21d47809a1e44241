using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CallsAndPlanReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "InstitutionId",
                table: "AspNetUsers",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Edition = table.Column<int>(type: "int", nullable: false),
                    TitleFr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleAr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    TextDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PublicationAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EvaluationEndsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ResultsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EnvelopeTotal = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    ProjectCount = table.Column<int>(type: "int", nullable: true),
                    IsBlind = table.Column<bool>(type: "bit", nullable: false),
                    OpenToOutsideInitiatives = table.Column<bool>(type: "bit", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calls_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calls_Documents_TextDocumentId",
                        column: x => x.TextDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OutsideInitiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LegalForm = table.Column<int>(type: "int", nullable: false),
                    City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ConsentedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutsideInitiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutsideInitiatives_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AddedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAgendaItems_PlanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanNotices_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApplicantUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    PrizeRank = table.Column<int>(type: "int", nullable: true),
                    RequestedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    OwnContribution = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReceiptHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_ApplicantUserId",
                        column: x => x.ApplicantUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplications_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    LabelFr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LabelAr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LabelEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Weight = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: false),
                    ScaleMin = table.Column<int>(type: "int", nullable: false),
                    ScaleMax = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallCriteria_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallEligibility",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequireMemberInGoodStanding = table.Column<bool>(type: "bit", nullable: false),
                    MaxApplicationsPerApplicant = table.Column<int>(type: "int", nullable: true),
                    MaxRequestedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    MinOwnContributionPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallEligibility", x => x.CallId);
                    table.ForeignKey(
                        name: "FK_CallEligibility_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallFormFields",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    LabelFr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LabelAr = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LabelEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    HelpFr = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HelpAr = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HelpEn = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    MaxLength = table.Column<int>(type: "int", nullable: true),
                    MinAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    MaxAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    MaxItems = table.Column<int>(type: "int", nullable: true),
                    ChoicesFr = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ChoicesAr = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ChoicesEn = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallFormFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallFormFields_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallJurors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsChair = table.Column<bool>(type: "bit", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallJurors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallJurors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallJurors_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallPrizes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallPrizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallPrizes_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    To = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationTransitions_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplicationTransitions_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallConflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JurorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallConflicts_AspNetUsers_JurorId",
                        column: x => x.JurorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallConflicts_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallJurorAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JurorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AssignedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallJurorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallJurorAssignments_AspNetUsers_AssignedById",
                        column: x => x.AssignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallJurorAssignments_AspNetUsers_JurorId",
                        column: x => x.JurorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallJurorAssignments_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallScoreSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JurorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallScoreSheets_AspNetUsers_JurorId",
                        column: x => x.JurorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallScoreSheets_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationAnswers_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationAnswers_CallFormFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CallFormFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplicationAnswers_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationBudgetLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Requested = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    OwnContribution = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationBudgetLines_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationBudgetLines_CallFormFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CallFormFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationFiles_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplicationFiles_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationFiles_CallFormFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CallFormFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplicationPartners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplicationPartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplicationPartners_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplicationPartners_CallFormFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CallFormFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplicationPartners_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SheetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CriterionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Points = table.Column<decimal>(type: "decimal(9,3)", precision: 9, scale: 3, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallScores_CallCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CallCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallScores_CallScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "CallScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ReminderRules",
                columns: new[] { "Id", "EscalateToSecretariat", "IsActive", "LocalTime", "OffsetDays", "SourceKind" },
                values: new object[,]
                {
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0b"), false, true, new TimeOnly(9, 0, 0), -7, "plan.action" },
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0c"), false, true, new TimeOnly(9, 0, 0), -1, "plan.action" },
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0d"), false, true, new TimeOnly(9, 0, 0), 1, "plan.action" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_ApplicationId_FieldId",
                table: "CallApplicationAnswers",
                columns: new[] { "ApplicationId", "FieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_DocumentId",
                table: "CallApplicationAnswers",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationAnswers_FieldId",
                table: "CallApplicationAnswers",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationBudgetLines_ApplicationId_FieldId_Position",
                table: "CallApplicationBudgetLines",
                columns: new[] { "ApplicationId", "FieldId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationBudgetLines_FieldId",
                table: "CallApplicationBudgetLines",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationFiles_ApplicationId_FieldId",
                table: "CallApplicationFiles",
                columns: new[] { "ApplicationId", "FieldId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationFiles_FieldId",
                table: "CallApplicationFiles",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationFiles_UploadedById",
                table: "CallApplicationFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationPartners_ApplicationId_FieldId_Position",
                table: "CallApplicationPartners",
                columns: new[] { "ApplicationId", "FieldId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationPartners_FieldId",
                table: "CallApplicationPartners",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationPartners_InstitutionId",
                table: "CallApplicationPartners",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_ApplicantUserId",
                table: "CallApplications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_Number",
                table: "CallApplications",
                columns: new[] { "CallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_State",
                table: "CallApplications",
                columns: new[] { "CallId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CreatedById",
                table: "CallApplications",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_InstitutionId",
                table: "CallApplications",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_SubmittedById",
                table: "CallApplications",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationTransitions_ApplicationId_At",
                table: "CallApplicationTransitions",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplicationTransitions_ById",
                table: "CallApplicationTransitions",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_ApplicationId_JurorId",
                table: "CallConflicts",
                columns: new[] { "ApplicationId", "JurorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_JurorId",
                table: "CallConflicts",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_CallCriteria_CallId_Position",
                table: "CallCriteria",
                columns: new[] { "CallId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CallFormFields_CallId_Position",
                table: "CallFormFields",
                columns: new[] { "CallId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CallJurorAssignments_ApplicationId_JurorId",
                table: "CallJurorAssignments",
                columns: new[] { "ApplicationId", "JurorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallJurorAssignments_AssignedById",
                table: "CallJurorAssignments",
                column: "AssignedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallJurorAssignments_JurorId",
                table: "CallJurorAssignments",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_CallJurors_CallId_UserId",
                table: "CallJurors",
                columns: new[] { "CallId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallJurors_UserId",
                table: "CallJurors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallPrizes_CallId_Rank",
                table: "CallPrizes",
                columns: new[] { "CallId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CreatedById",
                table: "Calls",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_DeadlineAt",
                table: "Calls",
                column: "DeadlineAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Kind_Edition",
                table: "Calls",
                columns: new[] { "Kind", "Edition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_TextDocumentId",
                table: "Calls",
                column: "TextDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_CriterionId",
                table: "CallScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_SheetId_CriterionId",
                table: "CallScores",
                columns: new[] { "SheetId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallScoreSheets_ApplicationId_JurorId",
                table: "CallScoreSheets",
                columns: new[] { "ApplicationId", "JurorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallScoreSheets_JurorId",
                table: "CallScoreSheets",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_OutsideInitiatives_UserId",
                table: "OutsideInitiatives",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanAgendaItems_ItemId_SessionId",
                table: "PlanAgendaItems",
                columns: new[] { "ItemId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanNotices_Kind_Key_RecipientId",
                table: "PlanNotices",
                columns: new[] { "Kind", "Key", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanNotices_RecipientId",
                table: "PlanNotices",
                column: "RecipientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallApplicationAnswers");

            migrationBuilder.DropTable(
                name: "CallApplicationBudgetLines");

            migrationBuilder.DropTable(
                name: "CallApplicationFiles");

            migrationBuilder.DropTable(
                name: "CallApplicationPartners");

            migrationBuilder.DropTable(
                name: "CallApplicationTransitions");

            migrationBuilder.DropTable(
                name: "CallConflicts");

            migrationBuilder.DropTable(
                name: "CallEligibility");

            migrationBuilder.DropTable(
                name: "CallJurorAssignments");

            migrationBuilder.DropTable(
                name: "CallJurors");

            migrationBuilder.DropTable(
                name: "CallPrizes");

            migrationBuilder.DropTable(
                name: "CallScores");

            migrationBuilder.DropTable(
                name: "OutsideInitiatives");

            migrationBuilder.DropTable(
                name: "PlanAgendaItems");

            migrationBuilder.DropTable(
                name: "PlanNotices");

            migrationBuilder.DropTable(
                name: "CallFormFields");

            migrationBuilder.DropTable(
                name: "CallCriteria");

            migrationBuilder.DropTable(
                name: "CallScoreSheets");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0b"));

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0c"));

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0d"));

            migrationBuilder.AlterColumn<Guid>(
                name: "InstitutionId",
                table: "AspNetUsers",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);
        }
    }
}
