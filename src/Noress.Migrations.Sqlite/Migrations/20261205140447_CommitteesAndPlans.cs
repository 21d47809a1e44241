using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommitteesAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs");

            migrationBuilder.AddColumn<string>(
                name: "MandateContentType",
                table: "SessionProxies",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MandateFile",
                table: "SessionProxies",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MandateFileName",
                table: "SessionProxies",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DraftPdfRequestedAt",
                table: "SessionMinutes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PdfFailedAt",
                table: "SessionMinutes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "RulesArticleVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DocumentVersion",
                table: "MinutesPdfs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "MinutesPdfs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Convocation = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Move = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceMovements_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceMovements_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ForwardedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForwardedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeRecommendations_AspNetUsers_ForwardedById",
                        column: x => x.ForwardedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteeRecommendations_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    BudgetPlanned = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BudgetCommitted = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BudgetSpent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OverspendReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItems_ActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanItems_AspNetUsers_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_Documents_DescriptionDocumentId",
                        column: x => x.DescriptionDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlanItems_Institutions_LeadInstitutionId",
                        column: x => x.LeadInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_PlanItems_ParentId",
                        column: x => x.ParentId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEvidence_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlanEvidence_PlanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_PlanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemPartners",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemPartners", x => new { x.ItemId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_PlanItemPartners_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItemPartners_PlanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasures_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasures_PlanIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "PlanIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000001"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000002"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000003"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000004"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000005"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000006"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000007"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000008"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000009"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000010"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000011"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000012"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000013"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000014"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000015"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000016"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000017"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000018"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture_IsDraft",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture", "IsDraft" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_CommitteeId",
                table: "ActionPlans",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_ScopeKey",
                table: "ActionPlans",
                column: "ScopeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMovements_InstitutionId",
                table: "AttendanceMovements",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMovements_SessionId_Convocation_InstitutionId",
                table: "AttendanceMovements",
                columns: new[] { "SessionId", "Convocation", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_CommitteeId_ForwardedAt",
                table: "CommitteeRecommendations",
                columns: new[] { "CommitteeId", "ForwardedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_ForwardedById",
                table: "CommitteeRecommendations",
                column: "ForwardedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRecommendations_State",
                table: "CommitteeRecommendations",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasures_IndicatorId_Period",
                table: "IndicatorMeasures",
                columns: new[] { "IndicatorId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasures_RecordedById",
                table: "IndicatorMeasures",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvidence_ItemId",
                table: "PlanEvidence",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvidence_UploadedById",
                table: "PlanEvidence",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_ItemId",
                table: "PlanIndicators",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemPartners_InstitutionId",
                table: "PlanItemPartners",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_CommitteeId",
                table: "PlanItems",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_DecisionId",
                table: "PlanItems",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_DescriptionDocumentId",
                table: "PlanItems",
                column: "DescriptionDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_DueOn",
                table: "PlanItems",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_LeadInstitutionId",
                table: "PlanItems",
                column: "LeadInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_ParentId",
                table: "PlanItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_PlanId_ParentId_Position",
                table: "PlanItems",
                columns: new[] { "PlanId", "ParentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_ResponsibleUserId",
                table: "PlanItems",
                column: "ResponsibleUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceMovements");

            migrationBuilder.DropTable(
                name: "CommitteeRecommendations");

            migrationBuilder.DropTable(
                name: "IndicatorMeasures");

            migrationBuilder.DropTable(
                name: "PlanEvidence");

            migrationBuilder.DropTable(
                name: "PlanItemPartners");

            migrationBuilder.DropTable(
                name: "PlanIndicators");

            migrationBuilder.DropTable(
                name: "PlanItems");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture_IsDraft",
                table: "MinutesPdfs");

            migrationBuilder.DropColumn(
                name: "MandateContentType",
                table: "SessionProxies");

            migrationBuilder.DropColumn(
                name: "MandateFile",
                table: "SessionProxies");

            migrationBuilder.DropColumn(
                name: "MandateFileName",
                table: "SessionProxies");

            migrationBuilder.DropColumn(
                name: "DraftPdfRequestedAt",
                table: "SessionMinutes");

            migrationBuilder.DropColumn(
                name: "PdfFailedAt",
                table: "SessionMinutes");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "RulesArticleVersions");

            migrationBuilder.DropColumn(
                name: "DocumentVersion",
                table: "MinutesPdfs");

            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "MinutesPdfs");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture" },
                unique: true);
        }
    }
}
