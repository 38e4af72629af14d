/**
 * Settings: station info, the deputies roster, the category and department lists, the
 * staff accounts and access settings (owned by the access feature), then the county
 * connection (owned by the sync feature).
 */
import { PageHeader } from '../../ui/PageHeader';
import { BackupSection } from '../backup/BackupSection';
import { CountySettings } from '../sync/CountySettings';
import { AccessSettingsForm } from '../access/AccessSettingsForm';
import { StaffSettings } from '../access/StaffSettings';
import { PointWeightsForm } from '../statistics/PointWeightsForm';
import { FollowUpSettingsForm } from '../follow-up/FollowUpSettingsForm';
import { DeputyRoster } from './DeputyRoster';
import { EditableList } from './EditableList';
import { StationInfoForm } from './StationInfoForm';
import './settings.css';

export function SettingsScreen() {
  return (
    <>
      <PageHeader title="设置" subtitle="本联络站的信息、代表名单和常用选项。修改会立即保存在本机。" />
      <StationInfoForm />
      <DeputyRoster />
      <div className="settings-lists">
        <EditableList
          kind="categories"
          title="问题类别"
          description="登记问题时可选的类别。停用的类别不再出现在选项里，已登记的问题不受影响。"
        />
        <EditableList
          kind="departments"
          title="承办单位"
          description="提请交办时可建议的承办单位。停用的单位不再出现在选项里，已登记的问题不受影响。"
        />
      </div>
      <FollowUpSettingsForm />
      <PointWeightsForm />
      <StaffSettings />
      <AccessSettingsForm />
      <section className="panel settings-section settings-county">
        <CountySettings />
      </section>
      <BackupSection />
    </>
  );
}
