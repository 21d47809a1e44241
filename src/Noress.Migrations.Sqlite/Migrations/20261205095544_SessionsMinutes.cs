using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionsMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FrozenAt",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "SessionMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrenchDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArabicDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CirculatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemarksUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovalAgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalVoteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FrenchLabelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArabicLabelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FrenchPdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ArabicPdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "MinutesPdfs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.InsertData(
                table: "ReminderRules",
                columns: new[] { "Id", "EscalateToSecretariat", "IsActive", "LocalTime", "OffsetDays", "SourceKind" },
                values: new object[,]
                {
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a09"), false, true, new TimeOnly(9, 0, 0), -3, "minutes.remarks" },
                    { new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0a"), false, true, new TimeOnly(9, 0, 0), -1, "minutes.remarks" }
                });

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
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture" },
                unique: true);

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
                name: "DecisionCounters");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "MinutesPdfs");

            migrationBuilder.DropTable(
                name: "SessionMinutes");

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a09"));

            migrationBuilder.DeleteData(
                table: "ReminderRules",
                keyColumn: "Id",
                keyValue: new Guid("6d3f8a52-0c1e-4a39-9d6b-0a7f0d8f1a0a"));

            migrationBuilder.DropColumn(
                name: "FrozenAt",
                table: "Documents");
        }
    }
}
