using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CallOutputsJobsAndJuryNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FinalReportDueOn",
                table: "Calls",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterimReportDueOn",
                table: "Calls",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallDeliberationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallDeliberationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallLettersSent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallLettersSent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallLettersSent_AspNetUsers_SentById",
                        column: x => x.SentById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallLettersSent_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallLetterTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallLetterTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallLetterTemplates_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallLetterTemplates_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallNotices_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallOutputs",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResultsPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultsPublishedById = table.Column<Guid>(type: "uuid", nullable: true),
                    MinutesDocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallOutputs", x => x.CallId);
                    table.ForeignKey(
                        name: "FK_CallOutputs_AspNetUsers_ResultsPublishedById",
                        column: x => x.ResultsPublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallOutputs_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallOutputs_Documents_MinutesDocumentId",
                        column: x => x.MinutesDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_ApplicationId",
                table: "CallDeliberationNotes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_AuthorId",
                table: "CallDeliberationNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_CallId_At",
                table: "CallDeliberationNotes",
                columns: new[] { "CallId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallLettersSent_ApplicationId_Outcome",
                table: "CallLettersSent",
                columns: new[] { "ApplicationId", "Outcome" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallLettersSent_SentById",
                table: "CallLettersSent",
                column: "SentById");

            migrationBuilder.CreateIndex(
                name: "IX_CallLetterTemplates_CallId_Outcome_Culture",
                table: "CallLetterTemplates",
                columns: new[] { "CallId", "Outcome", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallLetterTemplates_UpdatedById",
                table: "CallLetterTemplates",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallNotices_Kind_Key_RecipientId",
                table: "CallNotices",
                columns: new[] { "Kind", "Key", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallNotices_RecipientId",
                table: "CallNotices",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_CallOutputs_MinutesDocumentId",
                table: "CallOutputs",
                column: "MinutesDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_CallOutputs_ResultsPublishedById",
                table: "CallOutputs",
                column: "ResultsPublishedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallDeliberationNotes");

            migrationBuilder.DropTable(
                name: "CallLettersSent");

            migrationBuilder.DropTable(
                name: "CallLetterTemplates");

            migrationBuilder.DropTable(
                name: "CallNotices");

            migrationBuilder.DropTable(
                name: "CallOutputs");

            migrationBuilder.DropColumn(
                name: "FinalReportDueOn",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "InterimReportDueOn",
                table: "Calls");
        }
    }
}
