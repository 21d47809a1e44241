using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlansReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "PlanAgendaItems");

            migrationBuilder.DropTable(
                name: "PlanNotices");

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
        }
    }
}
